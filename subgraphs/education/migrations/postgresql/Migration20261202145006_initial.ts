import { Migration } from '@mikro-orm/migrations';

/** education, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
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
      `create table "pupil" ("id" serial primary key, "upn" varchar(13) not null, "date_of_birth" date not null, "entered_care_date" date null, "virtual_school" varchar(3) not null);`,
    );
    this.addSql(`alter table "pupil" add constraint "pupil_upn_unique" unique ("upn");`);

    this.addSql(
      `create table "post_sixteen_status" ("id" serial primary key, "pupil_id" int not null, "recorded_on" date not null, "activity" text check ("activity" in ('FULL_TIME_EDUCATION', 'APPRENTICESHIP', 'SUPPORTED_INTERNSHIP', 'EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING', 'NEET_AVAILABLE', 'NEET_NOT_AVAILABLE', 'NOT_KNOWN')) null, "risk_of_neet" text check ("risk_of_neet" in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')) null, "transition_plan_date" date null);`,
    );

    this.addSql(
      `create table "personal_education_plan" ("id" serial primary key, "pupil_id" int not null, "meeting_date" date not null, "quality" text check ("quality" in ('AMBER', 'GREEN', 'GOLD')) null, "targets" jsonb not null, "pupil_premium_plus_amount" int null, "pupil_premium_plus_purpose" varchar(255) null);`,
    );

    this.addSql(
      `create table "not_in_school_episode" ("id" serial primary key, "pupil_id" int not null, "start_date" date not null, "end_date" date null, "kind" text check ("kind" in ('CHILD_MISSING_EDUCATION', 'ELECTIVE_HOME_EDUCATION')) not null);`,
    );

    this.addSql(
      `create table "alternative_provision_episode" ("id" serial primary key, "pupil_id" int not null, "start_date" date not null, "end_date" date null, "provider_name" varchar(255) not null, "registered_provider" boolean not null, "hours_per_week" double precision not null);`,
    );

    this.addSql(
      `create table "reduced_timetable" ("id" serial primary key, "pupil_id" int not null, "start_date" date not null, "end_date" date null, "hours_per_week" double precision not null, "not_shared_with" jsonb null);`,
    );

    this.addSql(
      `create table "school" ("urn" varchar(6) not null, "local_authority_code" varchar(3) not null, "establishment_number" varchar(4) not null, "name" varchar(255) not null, "phase" text check ("phase" in ('NURSERY', 'PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SIXTEEN_PLUS', 'NOT_APPLICABLE')) not null, constraint "school_pkey" primary key ("urn"));`,
    );

    this.addSql(
      `create table "permanent_exclusion" ("id" serial primary key, "pupil_id" int not null, "school_urn" varchar(6) not null, "start_date" date not null, "sessions_lost" int not null, "reason" text check ("reason" in ('PA', 'PP', 'VA', 'VP', 'BU', 'RA', 'LG', 'DS', 'SM', 'DA', 'DM', 'TH', 'PD', 'MT', 'WP', 'OT')) not null, "not_shared_with" jsonb null);`,
    );

    this.addSql(
      `create table "school_enrolment" ("id" serial primary key, "pupil_id" int not null, "start_date" date not null, "end_date" date null, "school_urn" varchar(6) not null, "roll_status" text check ("roll_status" in ('SINGLE', 'MAIN', 'SUBSIDIARY', 'GUEST', 'FE_COLLEGE')) not null, "reason_for_leaving" text check ("reason_for_leaving" in ('REGISTERED_AT_ANOTHER_SCHOOL', 'COMPLETED_SCHOOL_PHASE', 'CEASED_TO_RESIDE_NEARBY', 'ELECTIVE_HOME_EDUCATION', 'PERMANENTLY_EXCLUDED', 'CONTINUOUS_ABSENCE', 'NO_LONGER_OF_COMPULSORY_SCHOOL_AGE', 'OTHER')) null, "reason_for_leaving_not_shared_with" jsonb null);`,
    );

    this.addSql(
      `create table "sen_provision_episode" ("id" serial primary key, "pupil_id" int not null, "start_date" date not null, "end_date" date null, "provision" text check ("provision" in ('N', 'K', 'E')) not null, "ehcp_request_date" date null, "ehcp_issue_date" date null);`,
    );

    this.addSql(
      `create table "suspension" ("id" serial primary key, "pupil_id" int not null, "school_urn" varchar(6) not null, "start_date" date not null, "sessions_lost" int not null, "reason" text check ("reason" in ('PA', 'PP', 'VA', 'VP', 'BU', 'RA', 'LG', 'DS', 'SM', 'DA', 'DM', 'TH', 'PD', 'MT', 'WP', 'OT')) not null, "not_shared_with" jsonb null);`,
    );

    this.addSql(
      `create table "term_attendance" ("id" serial primary key, "pupil_id" int not null, "academic_year" varchar(7) not null, "term" text check ("term" in ('AUTUMN', 'SPRING', 'SUMMER')) not null, "sessions_possible" int not null, "authorised_absence" int not null, "unauthorised_absence" int not null);`,
    );
    this.addSql(
      `alter table "term_attendance" add constraint "term_attendance_pupil_id_academic_year_term_unique" unique ("pupil_id", "academic_year", "term");`,
    );

    this.addSql(
      `alter table "post_sixteen_status" add constraint "post_sixteen_status_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "personal_education_plan" add constraint "personal_education_plan_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "not_in_school_episode" add constraint "not_in_school_episode_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "alternative_provision_episode" add constraint "alternative_provision_episode_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "reduced_timetable" add constraint "reduced_timetable_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "permanent_exclusion" add constraint "permanent_exclusion_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "permanent_exclusion" add constraint "permanent_exclusion_school_urn_foreign" foreign key ("school_urn") references "school" ("urn") on update cascade;`,
    );

    this.addSql(
      `alter table "school_enrolment" add constraint "school_enrolment_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "school_enrolment" add constraint "school_enrolment_school_urn_foreign" foreign key ("school_urn") references "school" ("urn") on update cascade;`,
    );

    this.addSql(
      `alter table "sen_provision_episode" add constraint "sen_provision_episode_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "suspension" add constraint "suspension_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "suspension" add constraint "suspension_school_urn_foreign" foreign key ("school_urn") references "school" ("urn") on update cascade;`,
    );

    this.addSql(
      `alter table "term_attendance" add constraint "term_attendance_pupil_id_foreign" foreign key ("pupil_id") references "pupil" ("id") on update cascade;`,
    );
  }
}
