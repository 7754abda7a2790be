import { Migration } from '@mikro-orm/migrations';

/** health, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261202145006_initial extends Migration {
  override up(): void {
    this.addSql(
      `create table "audit_record" ("seq" int not null, "at" timestamptz not null, "request_id" varchar(255) not null, "user_id" varchar(255) not null, "user_name" varchar(255) not null, "user_agency" varchar(255) not null, "user_role" varchar(255) not null, "subject" varchar(255) not null, "action" varchar(255) not null, "purpose_kind" varchar(255) null, "meeting_id" varchar(255) null, "break_glass_reason" text null, "fields_read" text not null, "withheld" text not null, "change" text null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_record_pkey" primary key ("seq"));`,
    );
    this.addSql(`create index "audit_record_subject_at_index" on "audit_record" ("subject", "at");`);

    this.addSql(
      `create table "idempotency_record" ("id" serial primary key, "user_id" varchar(255) not null, "key" varchar(100) not null, "operation" varchar(255) not null, "request_hash" varchar(64) not null, "result_id" varchar(255) not null, "at" timestamptz not null);`,
    );
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_user_id_key_unique" unique ("user_id", "key");`);

    this.addSql(
      `create table "pack_snapshot" ("reference" varchar(255) not null, "subject" varchar(255) not null, "viewer_id" varchar(255) not null, "frozen_at" timestamptz not null, "content" text not null, "notices" text not null, "content_hash" varchar(64) not null, constraint "pack_snapshot_pkey" primary key ("reference"));`,
    );

    this.addSql(
      `create table "patient" ("id" serial primary key, "nhs_number" varchar(10) not null, "date_of_birth" date not null, "entered_care_on" date null, "registered_gp_ods_code" varchar(255) null, "registered_gp_name" varchar(255) null);`,
    );
    this.addSql(`alter table "patient" add constraint "patient_nhs_number_unique" unique ("nhs_number");`);

    this.addSql(
      `create table "life_coach_involvement" ("id" serial primary key, "patient_id" int not null, "started_on" date not null, "ended_on" date null, "clinical_note" text null);`,
    );

    this.addSql(
      `create table "initial_health_assessment" ("id" serial primary key, "patient_id" int not null, "requested_on" date not null, "completed_on" date null, "assessor_role" text check ("assessor_role" in ('REGISTERED_MEDICAL_PRACTITIONER', 'REGISTERED_NURSE', 'REGISTERED_MIDWIFE')) null);`,
    );

    this.addSql(
      `create table "immunisation_status" ("id" serial primary key, "patient_id" int not null, "recorded_on" date not null, "up_to_date" boolean not null);`,
    );

    this.addSql(
      `create table "emergency_attendance" ("id" serial primary key, "patient_id" int not null, "attended_on" date not null, "reason" text check ("reason" in ('ACCIDENTAL_INJURY', 'SELF_HARM', 'ASSAULT', 'ALCOHOL_OR_DRUG_RELATED', 'MENTAL_HEALTH_CRISIS', 'PHYSICAL_ILLNESS', 'OTHER')) not null);`,
    );

    this.addSql(
      `create table "development_check" ("id" serial primary key, "patient_id" int not null, "reviewed_on" date not null, "stage" text check ("stage" in ('NEW_BABY_REVIEW', 'SIX_TO_EIGHT_WEEK_REVIEW', 'ONE_YEAR_REVIEW', 'TWO_TO_TWO_AND_A_HALF_YEAR_REVIEW')) not null, "development_checks_up_to_date" boolean not null);`,
    );

    this.addSql(`create table "dental_check" ("id" serial primary key, "patient_id" int not null, "checked_on" date not null);`);

    this.addSql(
      `create table "camhs_involvement" ("id" serial primary key, "patient_id" int not null, "referred_on" date not null, "decision" text check ("decision" in ('ACCEPTED', 'DECLINED')) null, "decided_on" date null, "started_on" date null, "ended_on" date null, "clinical_note" text null, "not_shared_with" jsonb null);`,
    );

    this.addSql(
      `create table "review_health_assessment" ("id" serial primary key, "patient_id" int not null, "assessed_on" date not null, "assessor_role" text check ("assessor_role" in ('REGISTERED_MEDICAL_PRACTITIONER', 'REGISTERED_NURSE', 'REGISTERED_MIDWIFE')) not null, "outcome_summary" text not null);`,
    );

    this.addSql(
      `create table "sdq_score" ("id" serial primary key, "patient_id" int not null, "completed_on" date not null, "total" int not null);`,
    );

    this.addSql(
      `create table "self_harm_episode" ("id" serial primary key, "patient_id" int not null, "occurred_on" date not null, "clinical_note" text null, "not_shared_with" jsonb null);`,
    );

    this.addSql(
      `create table "sexual_health_contact" ("id" serial primary key, "patient_id" int not null, "contact_on" date not null, "clinical_note" text not null, "not_shared_with" jsonb null);`,
    );

    this.addSql(
      `create table "slcn_screening" ("id" serial primary key, "patient_id" int not null, "screened_on" date not null, "receptive_language" text check ("receptive_language" in ('NO_DIFFICULTY_IDENTIFIED', 'DIFFICULTY_IDENTIFIED', 'NOT_ASSESSED')) not null, "social_communication" text check ("social_communication" in ('NO_DIFFICULTY_IDENTIFIED', 'DIFFICULTY_IDENTIFIED', 'NOT_ASSESSED')) not null, "vocabulary" text check ("vocabulary" in ('NO_DIFFICULTY_IDENTIFIED', 'DIFFICULTY_IDENTIFIED', 'NOT_ASSESSED')) not null);`,
    );

    this.addSql(
      `create table "substance_misuse_record" ("id" serial primary key, "patient_id" int not null, "identified_on" date not null, "intervention_offered_on" date null, "intervention_refused" boolean not null default false, "intervention_received_on" date null, "clinical_note" text null);`,
    );

    this.addSql(
      `alter table "life_coach_involvement" add constraint "life_coach_involvement_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "initial_health_assessment" add constraint "initial_health_assessment_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "immunisation_status" add constraint "immunisation_status_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "emergency_attendance" add constraint "emergency_attendance_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "development_check" add constraint "development_check_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "dental_check" add constraint "dental_check_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "camhs_involvement" add constraint "camhs_involvement_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "review_health_assessment" add constraint "review_health_assessment_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "sdq_score" add constraint "sdq_score_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "self_harm_episode" add constraint "self_harm_episode_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "sexual_health_contact" add constraint "sexual_health_contact_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "slcn_screening" add constraint "slcn_screening_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "substance_misuse_record" add constraint "substance_misuse_record_patient_id_foreign" foreign key ("patient_id") references "patient" ("id") on update cascade;`,
    );
  }
}
