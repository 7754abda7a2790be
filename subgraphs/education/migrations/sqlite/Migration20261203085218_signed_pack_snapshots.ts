import { Migration } from '@mikro-orm/migrations';

/** education, SQLite: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261203085218_signed_pack_snapshots extends Migration {
  override up(): void {
    this.addSql(`alter table \`pack_snapshot\` add column \`key_id\` text null;`);
    this.addSql(`alter table \`pack_snapshot\` add column \`mac\` text null;`);
  }
}
