import { countryName, type AddressFields } from '#kit';

/** The address as printable lines, the way Shopify's `formatted` gives them. */
export function formatAddress(address: { [K in keyof AddressFields]?: AddressFields[K] | null }, withName: boolean): string[] {
  const name = [address.firstName, address.lastName].filter(Boolean).join(' ');
  const locality = [address.city, address.provinceCode, address.zip].filter(Boolean).join(' ');
  return [
    ...(withName && name ? [name] : []),
    ...(address.address1 ? [address.address1] : []),
    ...(address.address2 ? [address.address2] : []),
    ...(locality ? [locality] : []),
    ...(address.countryCode ? [countryName(address.countryCode) ?? address.countryCode] : []),
  ];
}
