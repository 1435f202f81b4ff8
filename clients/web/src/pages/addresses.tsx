/** The address book: list, add, edit, delete, and choose the default. */
import { useState } from 'preact/hooks';
import { Link } from '../../../app-kit/src/router.ts';
import {
  AddressCreateDocument,
  AddressDeleteDocument,
  AddressesDocument,
  AddressUpdateDocument,
  DefaultAddressUpdateDocument,
  type AddressFieldsFragment,
} from '../../generated/graphql.ts';
import { api, describeError, type UserErrorShape } from '../api.ts';
import { AddressFields, emptyAddress, toInput, toValues, type AddressValues } from '../components/address-fields.tsx';
import { announce } from '../components/announcer.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useQuery } from '../components/use-query.ts';
import { UserErrors } from '../components/user-errors.tsx';
import { session } from '../state/session.ts';
import { useStore } from '../state/store.ts';

export default function AddressesPage() {
  usePageTitle('Address book');
  const { token } = useStore(session);
  const { data, error, reload } = useQuery(AddressesDocument, { first: 50 }, { skip: !token });
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<readonly UserErrorShape[]>([]);
  if (!token) {
    return (
      <>
        <h1>Address book</h1>
        <p>
          <Link href="/account">Sign in</Link> to see your addresses.
        </p>
      </>
    );
  }
  const me = data?.me;
  const run = async (action: () => Promise<readonly UserErrorShape[]>, done: string) => {
    try {
      const result = await action();
      setErrors(result);
      if (result.length === 0) {
        announce(done);
        setEditing(null);
        reload();
      }
      return result;
    } catch (failure) {
      const result = [{ message: describeError(failure), code: 'REQUEST_FAILED' }];
      setErrors(result);
      return result;
    }
  };
  const remove = (address: AddressFieldsFragment) =>
    run(() => api.mutate(AddressDeleteDocument, { id: address.id }).then((result) => result.customerAddressDelete.userErrors), 'Address deleted.');
  const makeDefault = (address: AddressFieldsFragment) =>
    run(() => api.mutate(DefaultAddressUpdateDocument, { addressId: address.id }).then((result) => result.customerDefaultAddressUpdate.userErrors), 'Default address changed.');

  return (
    <>
      <p>
        <Link href="/account">Back to your account</Link>
      </p>
      <h1>Address book</h1>
      <UserErrors errors={error ?? (editing ? [] : errors)} />
      <ul class="address-list">
        {me?.addresses.nodes.map((address) => (
          <li key={address.id} class="panel">
            {editing === address.id ? (
              <AddressForm
                title="Edit address"
                initial={toValues(address)}
                errors={errors}
                onCancel={() => setEditing(null)}
                onSave={(values) => run(() => api.mutate(AddressUpdateDocument, { id: address.id, address: toInput(values) }).then((result) => result.customerAddressUpdate.userErrors), 'Address saved.')}
              />
            ) : (
              <>
                <address>{address.formatted.join(', ')}</address>
                {me.defaultAddress?.id === address.id && <p class="badge-text">Default address</p>}
                <p class="actions">
                  <button type="button" onClick={() => setEditing(address.id)} aria-label={`Edit ${address.address1}`}>
                    Edit
                  </button>
                  <button type="button" onClick={() => remove(address)} aria-label={`Delete ${address.address1}`}>
                    Delete
                  </button>
                  {me.defaultAddress?.id !== address.id && (
                    <button type="button" onClick={() => makeDefault(address)} aria-label={`Make ${address.address1} the default`}>
                      Make default
                    </button>
                  )}
                </p>
              </>
            )}
          </li>
        ))}
      </ul>
      {me && me.addresses.nodes.length === 0 && <p>No saved addresses yet.</p>}
      {editing === 'new' ? (
        <div class="panel">
          <AddressForm
            title="New address"
            initial={emptyAddress()}
            errors={errors}
            onCancel={() => setEditing(null)}
            onSave={(values) => run(() => api.mutate(AddressCreateDocument, { address: toInput(values) }).then((result) => result.customerAddressCreate.userErrors), 'Address added.')}
          />
        </div>
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add an address
        </button>
      )}
    </>
  );
}

interface FormProps {
  title: string;
  initial: AddressValues;
  errors: readonly UserErrorShape[];
  onSave(values: AddressValues): Promise<unknown>;
  onCancel(): void;
}

function AddressForm({ title, initial, errors, onSave, onCancel }: FormProps) {
  const [values, setValues] = useState(initial);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    await onSave(values);
    setBusy(false);
  };
  return (
    <form onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <AddressFields prefix="book" values={values} errors={errors} onChange={setValues} />
      <UserErrors errors={errors} />
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Save address
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
