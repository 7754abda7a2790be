import { Migration } from '@mikro-orm/migrations';

/** health, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261203142120_foreign_key_indexes extends Migration {
  override up(): void {
    this.addSql(`create index "life_coach_involvement_patient_id_index" on "life_coach_involvement" ("patient_id");`);

    this.addSql(`create index "initial_health_assessment_patient_id_index" on "initial_health_assessment" ("patient_id");`);

    this.addSql(`create index "immunisation_status_patient_id_index" on "immunisation_status" ("patient_id");`);

    this.addSql(`create index "emergency_attendance_patient_id_index" on "emergency_attendance" ("patient_id");`);

    this.addSql(`create index "development_check_patient_id_index" on "development_check" ("patient_id");`);

    this.addSql(`create index "dental_check_patient_id_index" on "dental_check" ("patient_id");`);

    this.addSql(`create index "camhs_involvement_patient_id_index" on "camhs_involvement" ("patient_id");`);

    this.addSql(`create index "review_health_assessment_patient_id_index" on "review_health_assessment" ("patient_id");`);

    this.addSql(`create index "sdq_score_patient_id_index" on "sdq_score" ("patient_id");`);

    this.addSql(`create index "self_harm_episode_patient_id_index" on "self_harm_episode" ("patient_id");`);

    this.addSql(`create index "sexual_health_contact_patient_id_index" on "sexual_health_contact" ("patient_id");`);

    this.addSql(`create index "slcn_screening_patient_id_index" on "slcn_screening" ("patient_id");`);

    this.addSql(`create index "substance_misuse_record_patient_id_index" on "substance_misuse_record" ("patient_id");`);
  }
}
