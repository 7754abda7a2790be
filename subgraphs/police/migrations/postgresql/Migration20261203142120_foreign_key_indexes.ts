import { Migration } from '@mikro-orm/migrations';

/** police, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261203142120_foreign_key_indexes extends Migration {
  override up(): void {
    this.addSql(`create index "missing_episode_nominal_id_index" on "missing_episode" ("nominal_id");`);

    this.addSql(`create index "location_of_concern_nominal_id_index" on "location_of_concern" ("nominal_id");`);

    this.addSql(`create index "intelligence_item_nominal_id_index" on "intelligence_item" ("nominal_id");`);

    this.addSql(`create index "exploitation_concern_nominal_id_index" on "exploitation_concern" ("nominal_id");`);

    this.addSql(`create index "associate_nominal_id_index" on "associate" ("nominal_id");`);

    this.addSql(`create index "arrest_nominal_id_index" on "arrest" ("nominal_id");`);

    this.addSql(`create index "nrm_referral_nominal_id_index" on "nrm_referral" ("nominal_id");`);
  }
}
