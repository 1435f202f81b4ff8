import type { TaxClass } from './entities/product-variant.entity.ts';

/**
 * The vocabulary of the demo catalog. Titles are "<style> <material> <item>" built from these words, so
 * they read like a real shop's and full-text search has real words to find.
 */

export interface OptionSet {
  name: string;
  values: readonly string[];
}

export interface ItemKind {
  /** The noun ending a title, e.g. "Sweater". */
  noun: string;
  /** Lowest price of this kind, in USD cents. */
  basePriceCents: number;
  /** Shipping weight of one unit, in grams. */
  weightGrams: number;
  /** What its variants differ in. */
  options: readonly OptionSet[];
  /** Words for the description: what it is for. */
  use: string;
  /** Whether the noun is plural ("Headphones"), for the description's grammar. */
  plural?: boolean;
  /** Overrides the department's tax class. */
  taxClass?: TaxClass;
}

export interface CategoryVocabulary {
  handle: string;
  title: string;
  description: string;
  /** The tax class of the department's products (STANDARD when absent), so the cart has every class to tax. */
  taxClass?: TaxClass;
  styles: readonly string[];
  materials: readonly string[];
  kinds: readonly ItemKind[];
}

const COLORS = ['Black', 'Navy', 'Charcoal', 'Olive', 'Sand', 'Rust', 'Forest Green', 'Slate Blue', 'Cream', 'Burgundy'];
const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const SHOE_SIZES = ['6', '7', '8', '9', '10', '11', '12', '13'];
const FINISHES = ['Natural', 'Matte Black', 'Brushed Steel', 'White', 'Walnut'];

const colour: OptionSet = { name: 'Color', values: COLORS };
const apparelSize: OptionSet = { name: 'Size', values: APPAREL_SIZES };
const shoeSize: OptionSet = { name: 'Size', values: SHOE_SIZES };
const finish: OptionSet = { name: 'Finish', values: FINISHES };

export const CATALOG: readonly CategoryVocabulary[] = [
  {
    handle: 'apparel',
    title: 'Apparel',
    description: 'Everyday clothing built to last: knitwear, shirts, jackets and layers.',
    styles: ['Classic', 'Relaxed', 'Slim Fit', 'Heritage', 'Everyday', 'Lightweight', 'Cozy', 'Tailored', 'Vintage', 'Essential'],
    materials: ['Merino Wool', 'Organic Cotton', 'Linen', 'Cashmere', 'Fleece', 'Denim', 'Flannel', 'Corduroy', 'Hemp', 'Alpaca'],
    kinds: [
      { noun: 'Sweater', basePriceCents: 6900, weightGrams: 450, options: [apparelSize, colour], use: 'layering on cool days' },
      { noun: 'Cardigan', basePriceCents: 7900, weightGrams: 480, options: [apparelSize, colour], use: 'layering at home or in the office' },
      { noun: 'Shirt', basePriceCents: 4900, weightGrams: 250, options: [apparelSize, colour], use: 'work and weekends' },
      { noun: 'T-Shirt', basePriceCents: 2400, weightGrams: 180, options: [apparelSize, colour], use: 'everyday wear' },
      { noun: 'Hoodie', basePriceCents: 5900, weightGrams: 600, options: [apparelSize, colour], use: 'lounging and travel' },
      { noun: 'Jacket', basePriceCents: 12900, weightGrams: 900, options: [apparelSize, colour], use: 'changing weather' },
      { noun: 'Trousers', basePriceCents: 6900, weightGrams: 550, options: [apparelSize, colour], use: 'the office and beyond', plural: true },
      { noun: 'Scarf', basePriceCents: 3400, weightGrams: 150, options: [colour], use: 'cold mornings' },
      { noun: 'Beanie', basePriceCents: 2200, weightGrams: 90, options: [colour], use: 'winter walks' },
      { noun: 'Socks', basePriceCents: 1400, weightGrams: 70, options: [apparelSize, colour], use: 'all-day comfort', plural: true },
    ],
  },
  {
    handle: 'footwear',
    title: 'Footwear',
    description: 'Shoes and boots for running, hiking, work and rest.',
    styles: ['Trail', 'Road', 'Waterproof', 'Cushioned', 'Minimalist', 'Lightweight', 'All-Weather', 'Classic', 'Rugged', 'Breathable'],
    materials: ['Leather', 'Suede', 'Canvas', 'Mesh', 'Knit', 'Nubuck', 'Recycled', 'Gore-Tex', 'Vegan Leather', 'Cork'],
    kinds: [
      { noun: 'Running Shoe', basePriceCents: 11900, weightGrams: 650, options: [shoeSize, colour], use: 'daily miles' },
      { noun: 'Hiking Boot', basePriceCents: 16900, weightGrams: 1300, options: [shoeSize, colour], use: 'steep, rocky trails' },
      { noun: 'Sneaker', basePriceCents: 8900, weightGrams: 700, options: [shoeSize, colour], use: 'city streets' },
      { noun: 'Chelsea Boot', basePriceCents: 17900, weightGrams: 1100, options: [shoeSize, colour], use: 'smart and casual days' },
      { noun: 'Sandal', basePriceCents: 5900, weightGrams: 400, options: [shoeSize, colour], use: 'summer and the beach' },
      { noun: 'Slipper', basePriceCents: 4500, weightGrams: 350, options: [shoeSize, colour], use: 'slow mornings at home' },
      { noun: 'Loafer', basePriceCents: 12900, weightGrams: 800, options: [shoeSize, colour], use: 'the office' },
      // Protective footwear is zero-rated in some countries (the UK among them).
      { noun: 'Work Boot', basePriceCents: 18900, weightGrams: 1600, options: [shoeSize], use: 'long shifts on site', taxClass: 'ZERO' },
    ],
  },
  {
    handle: 'home',
    title: 'Home',
    description: 'Textiles, lighting and decor for calmer rooms.',
    styles: ['Modern', 'Rustic', 'Scandinavian', 'Minimal', 'Handwoven', 'Coastal', 'Mid-Century', 'Farmhouse', 'Boho', 'Classic'],
    materials: ['Linen', 'Cotton', 'Wool', 'Ceramic', 'Oak', 'Rattan', 'Jute', 'Velvet', 'Marble', 'Bamboo'],
    kinds: [
      { noun: 'Throw Blanket', basePriceCents: 8900, weightGrams: 1200, options: [colour], use: 'the sofa on winter evenings' },
      { noun: 'Cushion Cover', basePriceCents: 2900, weightGrams: 300, options: [colour], use: 'refreshing a room' },
      { noun: 'Table Lamp', basePriceCents: 11900, weightGrams: 2100, options: [finish], use: 'warm evening light' },
      { noun: 'Vase', basePriceCents: 3900, weightGrams: 900, options: [finish], use: 'fresh and dried flowers' },
      { noun: 'Rug', basePriceCents: 19900, weightGrams: 4500, options: [{ name: 'Size', values: ['2x3 ft', '4x6 ft', '5x8 ft', '8x10 ft'] }], use: 'living rooms and bedrooms' },
      { noun: 'Duvet Cover', basePriceCents: 12900, weightGrams: 1400, options: [{ name: 'Size', values: ['Twin', 'Full', 'Queen', 'King'] }, colour], use: 'restful nights' },
      { noun: 'Wall Mirror', basePriceCents: 14900, weightGrams: 5200, options: [finish], use: 'hallways and bathrooms' },
      { noun: 'Candle', basePriceCents: 2600, weightGrams: 450, options: [{ name: 'Scent', values: ['Cedar', 'Fig', 'Sea Salt', 'Amber', 'Lavender'] }], use: 'a slow evening' },
      { noun: 'Storage Basket', basePriceCents: 3400, weightGrams: 700, options: [{ name: 'Size', values: ['Small', 'Medium', 'Large'] }], use: 'keeping clutter out of sight' },
    ],
  },
  {
    handle: 'kitchen',
    title: 'Kitchen',
    // The demo's jurisdiction taxes kitchenware at its reduced rate.
    taxClass: 'REDUCED',
    description: 'Cookware, tableware and tools for cooks of every level.',
    styles: ['Professional', 'Nonstick', 'Everyday', 'Artisan', 'Compact', 'Heavy-Duty', 'Stackable', 'Classic', 'Modern', 'Heritage'],
    materials: ['Cast Iron', 'Stainless Steel', 'Carbon Steel', 'Copper', 'Stoneware', 'Porcelain', 'Acacia Wood', 'Glass', 'Enamel', 'Walnut'],
    kinds: [
      { noun: 'Skillet', basePriceCents: 5900, weightGrams: 2300, options: [{ name: 'Size', values: ['8 in', '10 in', '12 in'] }], use: 'searing and weeknight dinners' },
      { noun: 'Dutch Oven', basePriceCents: 14900, weightGrams: 5400, options: [{ name: 'Size', values: ['3.5 qt', '5.5 qt', '7 qt'] }, colour], use: 'stews, braises and bread' },
      { noun: 'Chef Knife', basePriceCents: 8900, weightGrams: 250, options: [{ name: 'Blade', values: ['6 in', '8 in', '10 in'] }], use: 'chopping and slicing' },
      { noun: 'Cutting Board', basePriceCents: 4400, weightGrams: 1500, options: [{ name: 'Size', values: ['Small', 'Medium', 'Large'] }], use: 'prep work' },
      { noun: 'Mixing Bowl Set', basePriceCents: 3900, weightGrams: 1800, options: [colour], use: 'baking and salads' },
      { noun: 'Dinner Plate Set', basePriceCents: 6900, weightGrams: 3200, options: [colour], use: 'everyday meals' },
      { noun: 'Coffee Mug', basePriceCents: 1800, weightGrams: 380, options: [colour], use: 'the first coffee of the day' },
      { noun: 'Saucepan', basePriceCents: 6400, weightGrams: 1600, options: [{ name: 'Size', values: ['1.5 qt', '2 qt', '3 qt'] }], use: 'sauces, grains and soups' },
      { noun: 'Teapot', basePriceCents: 4900, weightGrams: 900, options: [colour], use: 'loose-leaf tea' },
    ],
  },
  {
    handle: 'outdoor',
    title: 'Outdoor',
    description: 'Gear for camping, hiking and long days outside.',
    styles: ['Ultralight', 'Expedition', 'Weatherproof', 'Packable', 'Insulated', 'Trail', 'Backcountry', 'Alpine', 'Four-Season', 'Rugged'],
    materials: ['Ripstop Nylon', 'Down', 'Synthetic', 'Titanium', 'Aluminum', 'Canvas', 'Polyester', 'Waxed Cotton', 'Dyneema', 'Recycled'],
    kinds: [
      { noun: 'Tent', basePriceCents: 29900, weightGrams: 2400, options: [{ name: 'Capacity', values: ['1 Person', '2 Person', '3 Person', '4 Person'] }], use: 'nights under the stars' },
      { noun: 'Sleeping Bag', basePriceCents: 18900, weightGrams: 1100, options: [{ name: 'Length', values: ['Regular', 'Long'] }, colour], use: 'cold nights at camp' },
      { noun: 'Backpack', basePriceCents: 14900, weightGrams: 1300, options: [{ name: 'Volume', values: ['30 L', '45 L', '60 L'] }, colour], use: 'day hikes and long treks' },
      { noun: 'Rain Jacket', basePriceCents: 17900, weightGrams: 380, options: [apparelSize, colour], use: 'storms on the trail' },
      { noun: 'Camp Chair', basePriceCents: 7900, weightGrams: 950, options: [colour], use: 'campfires and festivals' },
      { noun: 'Water Bottle', basePriceCents: 2900, weightGrams: 300, options: [{ name: 'Volume', values: ['500 ml', '750 ml', '1 L'] }, colour], use: 'staying hydrated' },
      { noun: 'Headlamp', basePriceCents: 3900, weightGrams: 90, options: [colour], use: 'early starts and late finishes' },
      { noun: 'Trekking Poles', basePriceCents: 9900, weightGrams: 480, options: [colour], use: 'steep descents', plural: true },
      { noun: 'Hammock', basePriceCents: 6900, weightGrams: 600, options: [colour], use: 'lazy afternoons between trees' },
    ],
  },
  {
    handle: 'electronics',
    title: 'Electronics',
    description: 'Audio, charging and smart gadgets for work and play.',
    styles: ['Wireless', 'Portable', 'Smart', 'Compact', 'Noise-Cancelling', 'Rechargeable', 'Pro', 'Waterproof', 'Bluetooth', 'Studio'],
    materials: ['Aluminum', 'Matte', 'Graphite', 'Carbon Fiber', 'Glass', 'Recycled Plastic', 'Silicone', 'Titanium', 'Fabric', 'Walnut'],
    kinds: [
      { noun: 'Headphones', basePriceCents: 19900, weightGrams: 320, options: [colour], use: 'music and calls', plural: true },
      { noun: 'Earbuds', basePriceCents: 12900, weightGrams: 60, options: [colour], use: 'workouts and commutes', plural: true },
      { noun: 'Speaker', basePriceCents: 9900, weightGrams: 700, options: [colour], use: 'parties and podcasts' },
      { noun: 'Power Bank', basePriceCents: 4900, weightGrams: 350, options: [{ name: 'Capacity', values: ['10000 mAh', '20000 mAh', '26800 mAh'] }], use: 'charging on the go' },
      { noun: 'Charging Dock', basePriceCents: 5900, weightGrams: 400, options: [colour], use: 'a tidy nightstand' },
      { noun: 'Keyboard', basePriceCents: 11900, weightGrams: 900, options: [{ name: 'Layout', values: ['US', 'UK', 'DE', 'Nordic'] }, colour], use: 'long writing sessions' },
      { noun: 'Smartwatch', basePriceCents: 24900, weightGrams: 120, options: [{ name: 'Case', values: ['40 mm', '44 mm'] }, colour], use: 'fitness tracking' },
      { noun: 'Desk Lamp', basePriceCents: 7900, weightGrams: 1300, options: [colour], use: 'late nights at the desk' },
      { noun: 'Webcam', basePriceCents: 8900, weightGrams: 160, options: [{ name: 'Resolution', values: ['1080p', '4K'] }], use: 'video calls' },
    ],
  },
];

/** A category of hand-picked products from every department; products in it also keep their own. */
export const GIFTS_CATEGORY = {
  handle: 'gifts',
  title: 'Gifts',
  description: 'Hand-picked presents from every department.',
} as const;

/** Openings for descriptions; the rest of the sentence names the item, its material and its use. */
export const DESCRIPTION_OPENINGS = [
  'Made to be used every day,',
  'Designed in small batches,',
  'A customer favourite,',
  'Built to last for years,',
  'Thoughtfully designed,',
  'New this season,',
  'Simple and dependable,',
  'Carefully finished by hand,',
];
