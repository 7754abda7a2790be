import { Migration } from '@mikro-orm/migrations';

/** education, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261203085218_signed_pack_snapshots extends Migration {
  override up(): void {
    this.addSql(`alter table "pack_snapshot" add column "key_id" varchar(16) null, add column "mac" varchar(64) null;`);
  }
}
