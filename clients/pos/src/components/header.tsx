/** The bar above every screen once a clerk is signed in: where the terminal is, who is at it, and the way to each screen. */
import { Link } from '../../../app-kit/src/router.ts';

interface HeaderProps {
  path: string;
  storeName: string | null;
  staffName: string | null;
  onLogOut: () => void;
}

const SCREENS = [
  { href: '/sale', label: 'Sale' },
  { href: '/pickup', label: 'Pickup' },
  { href: '/location', label: 'Store' },
];

export function Header({ path, storeName, staffName, onLogOut }: HeaderProps) {
  return (
    <header class="bar no-print">
      <p class="bar-where">
        <strong>{storeName ?? 'No store chosen'}</strong>
        {staffName && <span> · {staffName}</span>}
      </p>
      <nav aria-label="Screens">
        <ul class="bar-nav">
          {SCREENS.map((screen) => (
            <li key={screen.href}>
              <Link href={screen.href} class="button secondary" aria-current={path === screen.href ? 'page' : undefined}>
                {screen.label}
              </Link>
            </li>
          ))}
          <li>
            <button type="button" class="button secondary" onClick={onLogOut}>
              Log out
            </button>
          </li>
        </ul>
      </nav>
    </header>
  );
}
