import { Migration } from '@mikro-orm/migrations';
import { appendOnlyTriggers } from '../../../../kit/subgraph/migrations/append-only';

/** social-care, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261203075903_signed_append_only_audit extends Migration {
  override up(): void {
    this.addSql(`alter table "audit_record" add column "key_id" varchar(16) null, add column "mac" varchar(64) null;`);
    // Added by hand: from here on the database refuses to change or delete audit records and frozen pack parts.
    for (const sql of appendOnlyTriggers('postgresql', ['audit_record', 'pack_snapshot'])) this.addSql(sql);
  }
}
