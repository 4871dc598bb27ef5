import { errors } from '../core/errors';
import { ReadCache, rowsById, type ReadCacheOptions } from '../core/read-cache';
import type { ProductChanges, ProductRow } from '../models/repositories/products.repository';
import type { BrandRow, UserRow } from '../models/repositories/users.repository';
import type { Repositories } from '../models/transaction';
import type { AccountsService } from '../accounts/accounts.service';
import { authorize, type Actor } from '../accounts/policy';
import { requireId, validate } from '../core/validate';
import { createProductInput, updateProductInput } from './products.inputs';
import { productDocument } from './search-index';

export class ProductsService {
  // Product cards and brand names on notes; a price change shows in every process at once (ReadCache's bus).
  private readonly products: ReadCache<ProductRow>;
  private readonly brands: ReadCache<BrandRow>;

  constructor(
    private readonly repos: Pick<Repositories, 'products' | 'users' | 'search'>,
    private readonly accounts: AccountsService,
    cache: ReadCacheOptions,
  ) {
    this.products = new ReadCache(cache, 'products');
    this.brands = new ReadCache(cache, 'brands');
  }

  async byIds(ids: readonly string[]): Promise<ProductRow[]> {
    const rows = await this.products.getMany(ids, async (missing) => rowsById(await this.repos.products.findByIds(missing)));
    return rows.filter((row) => row !== undefined);
  }

  async brandsByIds(ids: readonly string[]): Promise<BrandRow[]> {
    const rows = await this.brands.getMany(ids, async (missing) => rowsById(await this.repos.users.findBrandsByIds(missing)));
    return rows.filter((row) => row !== undefined);
  }

  brandsByOwners(ownerIds: readonly string[]): Promise<BrandRow[]> {
    return this.repos.users.findBrandsByOwners(ownerIds);
  }

  async get(id: string): Promise<ProductRow> {
    const [product] = await this.repos.products.findByIds([requireId(id)]);
    if (!product) throw errors.notFound('Product', id);
    return product;
  }

  listByBrand(brandId: string, limit: number, after?: { at: Date; id: string }): Promise<ProductRow[]> {
    return this.repos.products.listByBrand(brandId, limit, after && { createdAt: after.at, id: after.id });
  }

  async create(viewer: Actor | null, raw: unknown): Promise<ProductRow> {
    const brand = await this.requireOwnBrand(viewer);
    const input = validate(createProductInput, raw);
    const product = await this.repos.products.insert({
      brandId: brand.id,
      title: input.title,
      description: input.description,
      priceMinor: input.priceMinor,
      currency: input.currency,
      imageUrls: input.images,
      category: input.category,
      stock: input.stock,
      buyUrl: input.buyUrl,
    });
    // Not in the insert's transaction: should this fail, the product is indexed at the next start.
    await this.index(product, brand.name);
    return product;
  }

  async update(viewer: Actor | null, id: string, raw: unknown): Promise<ProductRow> {
    const brand = await this.requireOwnBrand(viewer);
    const product = await this.get(id);
    authorize({ ...brand.owner, brandId: brand.id }, 'product.change', product);
    const input = validate(updateProductInput, raw);
    const { images, ...rest } = input;
    const changes: ProductChanges = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    if (images !== undefined) changes.imageUrls = images;
    const updated = await this.repos.products.update(product.id, changes);
    this.products.forget(product.id);
    if (!updated) throw errors.notFound('Product', id);
    if (input.title !== undefined || input.description !== undefined) await this.index(updated, brand.name);
    return updated;
  }

  private async index(product: ProductRow, brand: string): Promise<void> {
    await this.repos.search.setProductDocuments([{ id: product.id, document: await productDocument({ ...product, brand }) }]);
  }

  /** Called after something else changed these products (a checkout took stock), so every process shows it at once. */
  forgetProducts(...ids: readonly string[]): void {
    this.products.forget(...ids);
  }

  private async requireOwnBrand(viewer: Actor | null): Promise<BrandRow & { owner: UserRow }> {
    const user = await this.accounts.requireUser(viewer);
    authorize(user, 'product.manage', null);
    const brand = await this.repos.users.findBrandOwnedBy(user.id);
    if (!brand) throw errors.forbidden('This brand account has no brand yet');
    return { ...brand, owner: user };
  }
}
