/**
 * Which store this terminal stands in. Asked once per terminal (kept in localStorage), changed from the
 * header's "Store". The warehouses are remembered with it, to show their stock beside the store's.
 */
import { useEffect, useState } from 'preact/hooks';
import { LocationsDocument, type LocationsQuery } from '../../generated/graphql.ts';
import { describeFailure, staff } from '../api.ts';
import { ErrorText } from '../components/field.tsx';
import { Screen } from '../components/screen.tsx';
import type { StoreAddress, Terminal } from '../session.ts';

type Location = LocationsQuery['locations']['nodes'][number];

interface ChooseLocationProps {
  current: Terminal | null;
  onChoose: (terminal: Terminal) => void;
}

export function ChooseLocation({ current, onChoose }: ChooseLocationProps) {
  const [locations, setLocations] = useState<Location[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    // One page of 100: a merchant's stores and warehouses fit in it many times over.
    staff.query(LocationsDocument, { first: 100 }).then(
      (answer) => setLocations(answer.locations.nodes.filter((location) => location.isActive)),
      (error) => setFailure(describeFailure(error)),
    );
  }, []);

  const stores = locations?.filter((location) => location.kind === 'STORE') ?? [];
  const choose = (store: Location) => {
    onChoose({
      store: { id: store.id, name: store.name, address: store.address ? addressOf(store.address) : null },
      warehouses: (locations ?? []).filter((location) => location.kind === 'WAREHOUSE').map(({ id, name }) => ({ id, name })),
    });
  };

  return (
    <Screen title="Choose the store">
      <p>This terminal sells from the store you choose, and takes its stock from that store only.</p>
      <ErrorText message={failure} />
      {locations === null && !failure && <p role="status">Loading locations…</p>}
      {locations !== null && stores.length === 0 && <p role="status">There is no open store. Ask a manager to open one.</p>}
      <ul class="choices">
        {stores.map((store) => (
          <li key={store.id}>
            <button type="button" class="button choice" aria-pressed={current?.store.id === store.id} onClick={() => choose(store)}>
              <strong>{store.name}</strong>
              {store.address && (
                <span class="muted">
                  {[store.address.address1, store.address.city, store.address.provinceCode].filter(Boolean).join(', ')}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </Screen>
  );
}

/** The address as the cart's MailingAddressInput takes it (no `__typename`, which an input refuses). */
function addressOf(address: NonNullable<Location['address']>): StoreAddress {
  const { address1, address2, city, provinceCode, zip, countryCode } = address;
  return { address1, address2, city, provinceCode, zip, countryCode };
}
