import { Migration } from '@mikro-orm/migrations';

/** police, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
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

    this.addSql(`create table "nominal" ("id" serial primary key, "pnc_id" varchar(255) not null, "date_of_birth" date not null);`);
    this.addSql(`alter table "nominal" add constraint "nominal_pnc_id_unique" unique ("pnc_id");`);

    this.addSql(
      `create table "missing_episode" ("id" serial primary key, "nominal_id" int not null, "reported_at" timestamptz not null, "found_at" timestamptz null, "risk_grading" text check ("risk_grading" in ('NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH')) not null, "risk_grading_scheme_version" varchar(255) not null, "location_found" varchar(255) null, "not_shared_with" jsonb null);`,
    );

    this.addSql(
      `create table "location_of_concern" ("id" serial primary key, "nominal_id" int not null, "description" varchar(255) not null, "kind" text check ("kind" in ('ADDRESS', 'PUBLIC_SPACE', 'TRANSPORT_HUB', 'COMMERCIAL_PREMISES', 'OUT_OF_AREA')) not null, "concern_from" date not null, "concern_to" date null);`,
    );

    this.addSql(
      `create table "intelligence_item" ("id" serial primary key, "nominal_id" int not null, "recorded_at" timestamptz not null, "grading_scheme" text check ("grading_scheme" in ('THREE_BY_FIVE_BY_TWO', 'FIVE_BY_FIVE_BY_FIVE')) not null, "source_evaluation" text check ("source_evaluation" in ('RELIABLE', 'UNTESTED', 'NOT_RELIABLE')) null, "intelligence_assessment" text check ("intelligence_assessment" in ('A', 'B', 'C', 'D', 'E')) null, "handling_code" text check ("handling_code" in ('P', 'C')) null, "handling_conditions" text null, "legacy_source_evaluation" varchar(1) null, "legacy_intelligence_evaluation" varchar(1) null, "legacy_handling_code" varchar(1) null, "full_text" text not null, "sanitised_text" text not null, "marked_for_sharing" boolean not null);`,
    );

    this.addSql(
      `create table "exploitation_concern" ("id" serial primary key, "nominal_id" int not null, "type" text check ("type" in ('CSE', 'CCE', 'COUNTY_LINES')) not null, "concern_from" date not null, "concern_to" date null);`,
    );

    this.addSql(
      `create table "associate" ("id" serial primary key, "nominal_id" int not null, "name" varchar(255) not null, "relationship" text check ("relationship" in ('PEER', 'ADULT_OF_CONCERN', 'FAMILY_MEMBER', 'PARTNER')) not null, "known_from" date not null, "known_to" date null);`,
    );

    this.addSql(
      `create table "arrest" ("id" serial primary key, "nominal_id" int not null, "arrested_on" date not null, "offence_category" text check ("offence_category" in ('VIOLENCE_AGAINST_THE_PERSON', 'ROBBERY', 'SEXUAL_OFFENCES', 'THEFT_AND_HANDLING', 'BURGLARY', 'CRIMINAL_DAMAGE', 'DRUGS', 'POSSESSION_OF_WEAPONS', 'PUBLIC_ORDER', 'OTHER')) not null, "gravity_score" int not null, "charge" varchar(255) null, "outcome" text check ("outcome" in ('CHARGED', 'YOUTH_CONDITIONAL_CAUTION', 'YOUTH_CAUTION', 'COMMUNITY_RESOLUTION', 'OUTCOME_22', 'NO_FURTHER_ACTION', 'RELEASED_UNDER_INVESTIGATION', 'BAILED')) not null, "offence_in_nwd_hub" boolean not null, "not_shared_with" jsonb null, constraint arrest_gravity_score_check check (gravity_score >= 1 and gravity_score <= 8));`,
    );

    this.addSql(
      `create table "nrm_referral" ("id" serial primary key, "nominal_id" int not null, "referred_on" date not null, "reasonable_grounds_decision_on" date null, "reasonable_grounds_outcome" text check ("reasonable_grounds_outcome" in ('POSITIVE', 'NEGATIVE')) null, "conclusive_grounds_decision_on" date null, "conclusive_grounds_outcome" text check ("conclusive_grounds_outcome" in ('POSITIVE', 'NEGATIVE')) null);`,
    );

    this.addSql(
      `create table "pack_snapshot" ("reference" varchar(255) not null, "subject" varchar(255) not null, "viewer_id" varchar(255) not null, "frozen_at" timestamptz not null, "content" text not null, "notices" text not null, "content_hash" varchar(64) not null, constraint "pack_snapshot_pkey" primary key ("reference"));`,
    );

    this.addSql(
      `create table "return_home_interview" ("id" serial primary key, "missing_episode_id" int not null, "offered_at" timestamptz not null, "took_place_at" timestamptz null, "taken_up" text check ("taken_up" in ('YES', 'NO', 'DECLINED')) null);`,
    );
    this.addSql(
      `alter table "return_home_interview" add constraint "return_home_interview_missing_episode_id_unique" unique ("missing_episode_id");`,
    );

    this.addSql(
      `alter table "missing_episode" add constraint "missing_episode_nominal_id_foreign" foreign key ("nominal_id") references "nominal" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "location_of_concern" add constraint "location_of_concern_nominal_id_foreign" foreign key ("nominal_id") references "nominal" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "intelligence_item" add constraint "intelligence_item_nominal_id_foreign" foreign key ("nominal_id") references "nominal" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "exploitation_concern" add constraint "exploitation_concern_nominal_id_foreign" foreign key ("nominal_id") references "nominal" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "associate" add constraint "associate_nominal_id_foreign" foreign key ("nominal_id") references "nominal" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "arrest" add constraint "arrest_nominal_id_foreign" foreign key ("nominal_id") references "nominal" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "nrm_referral" add constraint "nrm_referral_nominal_id_foreign" foreign key ("nominal_id") references "nominal" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "return_home_interview" add constraint "return_home_interview_missing_episode_id_foreign" foreign key ("missing_episode_id") references "missing_episode" ("id") on update cascade;`,
    );
  }
}
