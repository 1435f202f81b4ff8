import type { EntityManager } from '@mikro-orm/postgresql';
import { clientError, ClientErrorCode, decodeCursor, isUuid, readPageSize, toConnection, type Connection } from '#kit';
import { Category } from '../entities/category.entity.ts';

/** Categories by (title, id): a keyset page on category_title_id_idx. */
export async function listCategories(
  em: EntityManager,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<Category>> {
  const limit = readPageSize(args.first);
  let after: { title: string; id: string } | null = null;
  if (args.after != null) {
    const [title, id] = decodeCursor(args.after, 2);
    if (typeof title !== 'string' || title.includes('\u0000') || typeof id !== 'string' || !isUuid(id)) {
      throw clientError(ClientErrorCode.BAD_USER_INPUT, '`after` is not a valid cursor.', ['after']);
    }
    after = { title, id };
  }
  const rows = await em.find(
    Category,
    after ? { $or: [{ title: { $gt: after.title } }, { title: after.title, id: { $gt: after.id } }] } : {},
    { orderBy: [{ title: 'asc' }, { id: 'asc' }], limit: limit + 1 },
  );
  return toConnection(rows, limit, (row) => [row.title, row.id], after !== null);
}
