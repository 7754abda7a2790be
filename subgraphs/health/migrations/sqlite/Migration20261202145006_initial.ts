import { Migration } from '@mikro-orm/migrations';

/** health, SQLite: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261202145006_initial extends Migration {
  override up(): void {
    this.addSql(
      `create table \`audit_record\` (\`seq\` integer not null, \`at\` datetime not null, \`request_id\` text not null, \`user_id\` text not null, \`user_name\` text not null, \`user_agency\` text not null, \`user_role\` text not null, \`subject\` text not null, \`action\` text not null, \`purpose_kind\` text null, \`meeting_id\` text null, \`break_glass_reason\` text null, \`fields_read\` text not null, \`withheld\` text not null, \`change\` text null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`seq\`));`,
    );
    this.addSql(`create index \`audit_record_subject_at_index\` on \`audit_record\` (\`subject\`, \`at\`);`);

    this.addSql(
      `create table \`idempotency_record\` (\`id\` integer not null primary key autoincrement, \`user_id\` text not null, \`key\` text not null, \`operation\` text not null, \`request_hash\` text not null, \`result_id\` text not null, \`at\` datetime not null);`,
    );
    this.addSql(`create unique index \`idempotency_record_user_id_key_unique\` on \`idempotency_record\` (\`user_id\`, \`key\`);`);

    this.addSql(
      `create table \`pack_snapshot\` (\`reference\` text not null, \`subject\` text not null, \`viewer_id\` text not null, \`frozen_at\` datetime not null, \`content\` text not null, \`notices\` text not null, \`content_hash\` text not null, primary key (\`reference\`));`,
    );

    this.addSql(
      `create table \`patient\` (\`id\` integer not null primary key autoincrement, \`nhs_number\` text not null, \`date_of_birth\` date not null, \`entered_care_on\` date null, \`registered_gp_ods_code\` text null, \`registered_gp_name\` text null);`,
    );
    this.addSql(`create unique index \`patient_nhs_number_unique\` on \`patient\` (\`nhs_number\`);`);

    this.addSql(
      `create table \`life_coach_involvement\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`started_on\` date not null, \`ended_on\` date null, \`clinical_note\` text null, constraint \`life_coach_involvement_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`life_coach_involvement_patient_id_index\` on \`life_coach_involvement\` (\`patient_id\`);`);

    this.addSql(
      `create table \`initial_health_assessment\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`requested_on\` date not null, \`completed_on\` date null, \`assessor_role\` text check (\`assessor_role\` in ('REGISTERED_MEDICAL_PRACTITIONER', 'REGISTERED_NURSE', 'REGISTERED_MIDWIFE')) null, constraint \`initial_health_assessment_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`initial_health_assessment_patient_id_index\` on \`initial_health_assessment\` (\`patient_id\`);`);

    this.addSql(
      `create table \`immunisation_status\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`recorded_on\` date not null, \`up_to_date\` integer not null, constraint \`immunisation_status_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`immunisation_status_patient_id_index\` on \`immunisation_status\` (\`patient_id\`);`);

    this.addSql(
      `create table \`emergency_attendance\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`attended_on\` date not null, \`reason\` text check (\`reason\` in ('ACCIDENTAL_INJURY', 'SELF_HARM', 'ASSAULT', 'ALCOHOL_OR_DRUG_RELATED', 'MENTAL_HEALTH_CRISIS', 'PHYSICAL_ILLNESS', 'OTHER')) not null, constraint \`emergency_attendance_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`emergency_attendance_patient_id_index\` on \`emergency_attendance\` (\`patient_id\`);`);

    this.addSql(
      `create table \`development_check\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`reviewed_on\` date not null, \`stage\` text check (\`stage\` in ('NEW_BABY_REVIEW', 'SIX_TO_EIGHT_WEEK_REVIEW', 'ONE_YEAR_REVIEW', 'TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW')) not null, \`development_checks_up_to_date\` integer not null, constraint \`development_check_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`development_check_patient_id_index\` on \`development_check\` (\`patient_id\`);`);

    this.addSql(
      `create table \`dental_check\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`checked_on\` date not null, constraint \`dental_check_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`dental_check_patient_id_index\` on \`dental_check\` (\`patient_id\`);`);

    this.addSql(
      `create table \`camhs_involvement\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`referred_on\` date not null, \`decision\` text check (\`decision\` in ('ACCEPTED', 'DECLINED')) null, \`decided_on\` date null, \`started_on\` date null, \`ended_on\` date null, \`clinical_note\` text null, \`not_shared_with\` json null, constraint \`camhs_involvement_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`camhs_involvement_patient_id_index\` on \`camhs_involvement\` (\`patient_id\`);`);

    this.addSql(
      `create table \`review_health_assessment\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`assessed_on\` date not null, \`assessor_role\` text check (\`assessor_role\` in ('REGISTERED_MEDICAL_PRACTITIONER', 'REGISTERED_NURSE', 'REGISTERED_MIDWIFE')) not null, \`outcome_summary\` text not null, constraint \`review_health_assessment_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`review_health_assessment_patient_id_index\` on \`review_health_assessment\` (\`patient_id\`);`);

    this.addSql(
      `create table \`sdq_score\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`completed_on\` date not null, \`total\` integer not null, constraint \`sdq_score_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`sdq_score_patient_id_index\` on \`sdq_score\` (\`patient_id\`);`);

    this.addSql(
      `create table \`self_harm_episode\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`occurred_on\` date not null, \`clinical_note\` text null, \`not_shared_with\` json null, constraint \`self_harm_episode_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`self_harm_episode_patient_id_index\` on \`self_harm_episode\` (\`patient_id\`);`);

    this.addSql(
      `create table \`sexual_health_contact\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`contact_on\` date not null, \`clinical_note\` text not null, \`not_shared_with\` json null, constraint \`sexual_health_contact_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`sexual_health_contact_patient_id_index\` on \`sexual_health_contact\` (\`patient_id\`);`);

    this.addSql(
      `create table \`slcn_screening\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`screened_on\` date not null, \`receptive_language\` text check (\`receptive_language\` in ('NO_DIFFICULTY_IDENTIFIED', 'DIFFICULTY_IDENTIFIED', 'NOT_ASSESSED')) not null, \`social_communication\` text check (\`social_communication\` in ('NO_DIFFICULTY_IDENTIFIED', 'DIFFICULTY_IDENTIFIED', 'NOT_ASSESSED')) not null, \`vocabulary\` text check (\`vocabulary\` in ('NO_DIFFICULTY_IDENTIFIED', 'DIFFICULTY_IDENTIFIED', 'NOT_ASSESSED')) not null, constraint \`slcn_screening_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`slcn_screening_patient_id_index\` on \`slcn_screening\` (\`patient_id\`);`);

    this.addSql(
      `create table \`substance_misuse_record\` (\`id\` integer not null primary key autoincrement, \`patient_id\` integer not null, \`identified_on\` date not null, \`intervention_offered_on\` date null, \`intervention_refused\` integer not null default false, \`intervention_received_on\` date null, \`clinical_note\` text null, constraint \`substance_misuse_record_patient_id_foreign\` foreign key(\`patient_id\`) references \`patient\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`substance_misuse_record_patient_id_index\` on \`substance_misuse_record\` (\`patient_id\`);`);
  }
}
