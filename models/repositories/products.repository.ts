import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { anyUuid, keysetBefore } from '../sql';
import { products } from '../schema';

export type ProductRow = typeof products.$inferSelect;
export type NewProduct = Omit<typeof products.$inferInsert, 'search'>;
export type ProductChanges = Partial<Omit<NewProduct, 'id' | 'brandId' | 'createdAt'>>;

export class ProductsRepository {
  constructor(private readonly db: Db) {}

  async findByIds(ids: readonly string[]): Promise<ProductRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(products).where(anyUuid(products.id, ids));
  }

  async insert(product: NewProduct): Promise<ProductRow> {
    const [row] = await this.db.insert(products).values(product).returning();
    if (!row) throw new Error('insert into products returned nothing');
    return row;
  }

  async update(id: string, changes: ProductChanges): Promise<ProductRow | undefined> {
    const [row] = await this.db
      .update(products)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(products.id, id))
      .returning();
    return row;
  }

  /** Takes `quantity` from stock if that many are left; returns the product as it was sold, or nothing. */
  async takeStock(id: string, quantity: number): Promise<ProductRow | undefined> {
    const [row] = await this.db
      .update(products)
      .set({ stock: sql`${products.stock} - ${quantity}`, updatedAt: new Date() })
      .where(and(eq(products.id, id), gte(products.stock, quantity)))
      .returning();
    return row;
  }

  /** Puts back the units of orders that were never paid. */
  async releaseStock(id: string, quantity: number): Promise<void> {
    await this.db
      .update(products)
      .set({ stock: sql`${products.stock} + ${quantity}`, updatedAt: new Date() })
      .where(eq(products.id, id));
  }

  async listByBrand(brandId: string, limit: number, after?: { createdAt: Date; id: string }): Promise<ProductRow[]> {
    const page = keysetBefore(products.createdAt, products.id, after && { key: after.createdAt, id: after.id });
    return this.db
      .select()
      .from(products)
      .where(and(eq(products.brandId, brandId), page))
      .orderBy(desc(products.createdAt), desc(products.id))
      .limit(limit);
  }
}
