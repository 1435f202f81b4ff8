import { Link } from '../../../app-kit/src/router.ts';
import { usePageTitle } from '../components/page-title.ts';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is nothing here. <Link href="/products">Browse the shop</Link> instead.
      </p>
    </section>
  );
}
