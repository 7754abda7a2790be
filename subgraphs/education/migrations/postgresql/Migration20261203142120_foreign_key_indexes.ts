import { Migration } from '@mikro-orm/migrations';

/** education, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261203142120_foreign_key_indexes extends Migration {
  override up(): void {
    this.addSql(`create index "post_sixteen_status_pupil_id_index" on "post_sixteen_status" ("pupil_id");`);

    this.addSql(`create index "personal_education_plan_pupil_id_index" on "personal_education_plan" ("pupil_id");`);

    this.addSql(`create index "not_in_school_episode_pupil_id_index" on "not_in_school_episode" ("pupil_id");`);

    this.addSql(`create index "alternative_provision_episode_pupil_id_index" on "alternative_provision_episode" ("pupil_id");`);

    this.addSql(`create index "reduced_timetable_pupil_id_index" on "reduced_timetable" ("pupil_id");`);

    this.addSql(`create index "permanent_exclusion_pupil_id_index" on "permanent_exclusion" ("pupil_id");`);
    this.addSql(`create index "permanent_exclusion_school_urn_index" on "permanent_exclusion" ("school_urn");`);

    this.addSql(`create index "school_enrolment_pupil_id_index" on "school_enrolment" ("pupil_id");`);
    this.addSql(`create index "school_enrolment_school_urn_index" on "school_enrolment" ("school_urn");`);

    this.addSql(`create index "sen_provision_episode_pupil_id_index" on "sen_provision_episode" ("pupil_id");`);

    this.addSql(`create index "suspension_pupil_id_index" on "suspension" ("pupil_id");`);
    this.addSql(`create index "suspension_school_urn_index" on "suspension" ("school_urn");`);

    this.addSql(`create index "term_attendance_pupil_id_index" on "term_attendance" ("pupil_id");`);
  }
}
