/**
 * Options (size, colour…) as radio groups, built from the variants' selectedOptions. Not every
 * combination exists, so choosing a value selects the variant that has it and keeps as many of the other
 * choices as possible.
 */
export interface PickableVariant {
  id: string;
  /** Null when stock is unknown just now: not shown as sold out. */
  availableForSale: boolean | null;
  selectedOptions: readonly { name: string; value: string }[];
}

export function optionGroups(variants: readonly PickableVariant[]): { name: string; values: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const variant of variants) {
    for (const { name, value } of variant.selectedOptions) {
      const values = groups.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      groups.set(name, values);
    }
  }
  return [...groups].map(([name, values]) => ({ name, values }));
}

export function pickVariant<V extends PickableVariant>(variants: readonly V[], current: V, name: string, value: string): V {
  const candidates = variants.filter((variant) => variant.selectedOptions.some((option) => option.name === name && option.value === value));
  const kept = (variant: V) =>
    variant.selectedOptions.filter((option) => current.selectedOptions.some((mine) => mine.name === option.name && mine.value === option.value)).length;
  return candidates.sort((a, b) => kept(b) - kept(a))[0] ?? current;
}

interface Props<V extends PickableVariant> {
  variants: readonly V[];
  selected: V;
  onSelect: (variant: V) => void;
}

export function VariantPicker<V extends PickableVariant>({ variants, selected, onSelect }: Props<V>) {
  const groups = optionGroups(variants);
  if (groups.length === 0) return null;
  return (
    <div class="variant-picker">
      {groups.map((group) => (
        <fieldset key={group.name} class="option-group">
          <legend>{group.name}</legend>
          {group.values.map((value) => {
            const id = `option-${group.name}-${value}`.replace(/[^\w-]/g, '_');
            const checked = selected.selectedOptions.some((option) => option.name === group.name && option.value === value);
            const soldOut = !variants.some(
              (variant) => variant.availableForSale !== false && variant.selectedOptions.some((option) => option.name === group.name && option.value === value),
            );
            return (
              <span key={value} class="option-chip">
                <input
                  type="radio"
                  id={id}
                  name={`option-${group.name}`}
                  value={value}
                  checked={checked}
                  onChange={() => onSelect(pickVariant(variants, selected, group.name, value))}
                />
                <label for={id}>
                  {value}
                  {soldOut && <span class="sold-out-note"> (sold out)</span>}
                </label>
              </span>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
