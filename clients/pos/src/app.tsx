/**
 * The till: who is signed in, which store the terminal stands in, the sale in progress, and which screen
 * shows. Screens: /sale (the default), /pay, /receipt, /pickup, /location; log-in whenever no clerk is.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { navigate, useRoute } from '../../app-kit/src/router.ts';
import { StaffSessionDocument } from '../generated/graphql.ts';
import { isSignedOut, staff } from './api.ts';
import { Header } from './components/header.tsx';
import { ChooseLocation } from './screens/choose-location.tsx';
import { LogIn } from './screens/log-in.tsx';
import { Payment } from './screens/payment.tsx';
import { Pickup } from './screens/pickup.tsx';
import { Receipt } from './screens/receipt.tsx';
import { Sale } from './screens/sale.tsx';
import { useSale } from './sale/use-sale.ts';
import { loadSession, loadTerminal, saveSession, saveTerminal, type StaffSession, type Terminal } from './session.ts';

export function App() {
  const { path } = useRoute();
  const [session, setSession] = useState(loadSession);
  const [staffName, setStaffName] = useState<string | null>(null);
  const [terminal, setTerminal] = useState(loadTerminal);
  const sale = useSale(terminal);

  // The session ends by the clerk's hand (the sale is voided: the next clerk starts afresh) or by the
  // token's expiry (the sale stays on the terminal for the clerk to finish after logging in again).
  const endSession = useCallback(() => {
    saveSession(null);
    setSession(null);
    setStaffName(null);
  }, []);
  const logOut = () => {
    endSession();
    sale.clear();
  };

  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(endSession, Math.max(0, Date.parse(session.expiresAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [session, endSession]);

  // Who is at the till, for the header; a token the API no longer accepts sends the clerk to log in.
  useEffect(() => {
    if (!session) return;
    staff.query(StaffSessionDocument, {}).then(
      (answer) => (answer.me ? setStaffName(answer.me.displayName) : endSession()),
      (error) => isSignedOut(error) && endSession(),
    );
  }, [session, endSession]);

  const logIn = (next: StaffSession) => {
    saveSession(next);
    setSession(next);
    navigate(terminal ? '/sale' : '/location', { replace: true });
  };

  // A sale is taxed and stocked at its store: moving the terminal starts a new sale.
  const choose = (next: Terminal) => {
    if (next.store.id !== terminal?.store.id) sale.clear();
    saveTerminal(next);
    setTerminal(next);
    navigate('/sale');
  };

  return (
    <>
      <a class="skip-link no-print" href="#main">
        Skip to the screen
      </a>
      {session && <Header path={path === '/' ? '/sale' : path} storeName={terminal?.store.name ?? null} staffName={staffName} onLogOut={logOut} />}
      {!session ? (
        <LogIn onLoggedIn={logIn} />
      ) : path === '/location' || !terminal ? (
        <ChooseLocation current={terminal} onChoose={choose} />
      ) : path === '/pickup' ? (
        <Pickup terminal={terminal} />
      ) : path === '/pay' ? (
        <Payment sale={sale} />
      ) : path === '/receipt' ? (
        <Receipt />
      ) : (
        <Sale terminal={terminal} sale={sale} />
      )}
    </>
  );
}
