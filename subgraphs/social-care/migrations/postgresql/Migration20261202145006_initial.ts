import { Migration } from '@mikro-orm/migrations';

/** social-care, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
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
      `create table "young_person" ("id" varchar(255) not null, "la_code" varchar(3) not null, "la_child_id" varchar(255) not null, "given_name" varchar(255) not null, "family_name" varchar(255) not null, "preferred_name" varchar(255) null, "date_of_birth" date not null, "sex" text check ("sex" in ('MALE', 'FEMALE')) not null, "ethnicity" text check ("ethnicity" in ('WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')) not null, constraint "young_person_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "young_person_family_name_index" on "young_person" ("family_name");`);
    this.addSql(`alter table "young_person" add constraint "young_person_la_code_la_child_id_unique" unique ("la_code", "la_child_id");`);

    this.addSql(
      `create table "statutory_visit" ("id" serial primary key, "young_person_id" varchar(255) not null, "visited_on" date not null, "seen" boolean not null, "seen_alone" boolean not null);`,
    );

    this.addSql(
      `create table "specialist_involvement" ("id" serial primary key, "young_person_id" varchar(255) not null, "start_date" date not null, "end_date" date null, "specialist" text check ("specialist" in ('LIFE_COACH', 'COMMUNICATION_SUPPORT', 'CAMHS_WORKER', 'POLICE_LIAISON')) not null, "practitioner_id" varchar(255) not null, "practitioner_name" varchar(255) not null);`,
    );
    this.addSql(`create index "specialist_involvement_practitioner_id_index" on "specialist_involvement" ("practitioner_id");`);

    this.addSql(
      `create table "plan" ("id" serial primary key, "young_person_id" varchar(255) not null, "type" text check ("type" in ('CARE_PLAN', 'CIN_PLAN', 'CP_PLAN', 'PATHWAY_PLAN', 'NWD_CARE_AND_PROGRESSION_PLAN', 'SAFETY_PLAN', 'MISSING_PLAN')) not null, "agreed_on" date not null, "last_reviewed_on" date null, "ended_on" date null, "summary" text not null);`,
    );

    this.addSql(
      `create table "placement_episode" ("id" serial primary key, "young_person_id" varchar(255) not null, "start_date" date not null, "end_date" date null, "placement_type" text check ("placement_type" in ('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'K1', 'K2', 'R1', 'R5', 'H5', 'P1', 'P2', 'S1', 'Z1', 'NWD_HUB_BED', 'NWD_HUB_COMMUNITY_FAMILY', 'SUPPORTED_LODGINGS')) not null, "provider" varchar(255) not null, "reason_for_change" text check ("reason_for_change" in ('CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER')) null, "distance" text check ("distance" in ('WITHIN_20_MILES', 'BEYOND_20_MILES')) not null, "inside_local_authority" boolean not null, "fragile" boolean not null default false);`,
    );

    this.addSql(
      `create table "nwd_involvement" ("id" serial primary key, "young_person_id" varchar(255) not null, "referred_on" date not null, "referral_source" varchar(255) not null, "priority" text check ("priority" in ('RED', 'AMBER', 'GREEN')) not null, "support_started_on" date null, "support" text check ("support" in ('HUB_PLACEMENT', 'OUTREACH')) not null, "key_worker" varchar(255) not null, "closed_on" date null, "closure_outcome" text check ("closure_outcome" in ('REMAINED_AT_HOME', 'STABLE_PLACEMENT', 'INDEPENDENT_LIVING', 'BECAME_LOOKED_AFTER', 'MOVED_AWAY', 'OTHER')) null);`,
    );

    this.addSql(
      `create table "missing_from_care_episode" ("id" serial primary key, "young_person_id" varchar(255) not null, "type" text check ("type" in ('M', 'A')) not null, "started_at" timestamptz not null, "ended_at" timestamptz null);`,
    );

    this.addSql(
      `create table "meeting" ("id" varchar(255) not null, "young_person_id" varchar(255) not null, "kind" text check ("kind" in ('RAISE', 'DEEP_DIVE')) not null, "held_on" date not null, "status" text check ("status" in ('SCHEDULED', 'HELD', 'POSTPONED', 'CANCELLED')) not null, "status_reason" text null, "status_changed_on" date null, "rescheduled_as_id" varchar(255) null, "chair" varchar(255) not null, "chair_id" varchar(255) not null, "young_person_agreed_to_be_discussed" boolean null, "consent_override_reason" text null, "consent_overridden_by_id" varchar(255) null, "young_person_views" text null, "analysis" text null, "plan" text null, "findings" text null, "next_review_on" date null, "recorded_at" timestamptz null, "recorded_by_id" varchar(255) null, "version" int not null default 1, "pack_reference" varchar(64) not null, constraint "meeting_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "meeting" add constraint "meeting_pack_reference_unique" unique ("pack_reference");`);
    this.addSql(`create index "meeting_status_held_on_index" on "meeting" ("status", "held_on");`);
    this.addSql(`create index "meeting_young_person_id_held_on_index" on "meeting" ("young_person_id", "held_on");`);

    this.addSql(
      `create table "significant_event" ("id" serial primary key, "meeting_id" varchar(255) not null, "occurred_on" date not null, "agency" text check ("agency" in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, "summary" text not null);`,
    );

    this.addSql(
      `create table "scaling_score" ("id" serial primary key, "meeting_id" varchar(255) not null, "professional" varchar(255) not null, "agency" text check ("agency" in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, "score" int not null, "rationale" text null);`,
    );

    this.addSql(
      `create table "meeting_observation" ("id" serial primary key, "meeting_id" varchar(255) not null, "kind" text check ("kind" in ('STRENGTH', 'RISK')) not null, "category" text check ("category" in ('GOING_MISSING', 'CRIMINAL_EXPLOITATION', 'SEXUAL_EXPLOITATION', 'OFFENDING', 'SELF_HARM', 'EMOTIONAL_WELLBEING', 'SUBSTANCE_MISUSE', 'PLACEMENT_STABILITY', 'EDUCATION', 'FAMILY_RELATIONSHIPS', 'OTHER')) null, "text" text not null);`,
    );

    this.addSql(
      `create table "meeting_attendee" ("id" serial primary key, "meeting_id" varchar(255) not null, "name" varchar(255) not null, "practitioner_id" varchar(255) null, "invited_on" date not null, "role" varchar(255) not null, "agency" text check ("agency" in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, "attendance" text check ("attendance" in ('ATTENDED_IN_PERSON', 'ATTENDED_VIRTUALLY', 'SENT_APOLOGIES', 'DID_NOT_ATTEND')) null);`,
    );
    this.addSql(`create index "meeting_attendee_practitioner_id_index" on "meeting_attendee" ("practitioner_id");`);

    this.addSql(
      `create table "meeting_action" ("id" serial primary key, "meeting_id" varchar(255) not null, "description" text not null, "owning_agency" text check ("owning_agency" in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, "owner_id" varchar(255) not null, "owner" varchar(255) not null, "due_date" date not null, "status" text check ("status" in ('OPEN', 'COMPLETED', 'CANCELLED')) not null, "completed_on" date null, "last_progress_at" timestamptz null, "progress_reports" int not null default 0, "version" int not null default 1);`,
    );
    this.addSql(`create index "meeting_action_owner_id_status_index" on "meeting_action" ("owner_id", "status");`);

    this.addSql(
      `create table "action_progress_note" ("id" serial primary key, "action_id" int not null, "written_at" timestamptz not null, "author_id" varchar(255) not null, "author" varchar(255) not null, "author_agency" text check ("author_agency" in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, "note" text not null, "status" text check ("status" in ('OPEN', 'COMPLETED', 'CANCELLED')) not null);`,
    );

    this.addSql(
      `create table "legal_status_episode" ("id" serial primary key, "young_person_id" varchar(255) not null, "start_date" date not null, "end_date" date null, "legal_status" text check ("legal_status" in ('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3')) not null);`,
    );

    this.addSql(
      `create table "identifier_link" ("id" serial primary key, "young_person_id" varchar(255) not null, "scheme" text check ("scheme" in ('UPN', 'NHS_NUMBER', 'PNC_ID')) not null, "value" varchar(255) not null, "method" text check ("method" in ('NHS_SPINE_TRACE', 'AGENCY_CONFIRMED', 'DEMOGRAPHIC_MATCH', 'RECORDED_BY_PRACTITIONER')) not null, "linked_by" varchar(255) not null, "linked_on" date not null, "superseded_on" date null);`,
    );
    this.addSql(`create index "identifier_link_scheme_value_index" on "identifier_link" ("scheme", "value");`);

    this.addSql(
      `create table "case_status_episode" ("id" serial primary key, "young_person_id" varchar(255) not null, "start_date" date not null, "end_date" date null, "status" text check ("status" in ('EARLY_HELP', 'CHILD_IN_NEED', 'CHILD_PROTECTION', 'LOOKED_AFTER', 'CARE_LEAVER', 'EDGE_OF_CARE')) not null, "cp_category" text check ("cp_category" in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')) null, "uasc" boolean not null default false);`,
    );

    this.addSql(
      `create table "assessment_factor_record" ("id" serial primary key, "young_person_id" varchar(255) not null, "factor" text check ("factor" in ('GOING_MISSING', 'CHILD_SEXUAL_EXPLOITATION', 'TRAFFICKING', 'GANGS', 'SOCIALLY_UNACCEPTABLE_BEHAVIOUR', 'SELF_HARM', 'CHILD_CRIMINAL_EXPLOITATION')) not null, "identified_on" date not null);`,
    );

    this.addSql(
      `create table "allocation" ("id" serial primary key, "young_person_id" varchar(255) not null, "start_date" date not null, "end_date" date null, "practitioner_id" varchar(255) not null, "practitioner_name" varchar(255) not null, "role" varchar(255) not null);`,
    );
    this.addSql(`create index "allocation_practitioner_id_index" on "allocation" ("practitioner_id");`);

    this.addSql(
      `alter table "statutory_visit" add constraint "statutory_visit_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "specialist_involvement" add constraint "specialist_involvement_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "plan" add constraint "plan_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "placement_episode" add constraint "placement_episode_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "nwd_involvement" add constraint "nwd_involvement_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "missing_from_care_episode" add constraint "missing_from_care_episode_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "meeting" add constraint "meeting_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "significant_event" add constraint "significant_event_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "scaling_score" add constraint "scaling_score_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "meeting_observation" add constraint "meeting_observation_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "meeting_attendee" add constraint "meeting_attendee_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "meeting_action" add constraint "meeting_action_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "action_progress_note" add constraint "action_progress_note_action_id_foreign" foreign key ("action_id") references "meeting_action" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "legal_status_episode" add constraint "legal_status_episode_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "identifier_link" add constraint "identifier_link_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_status_episode" add constraint "case_status_episode_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "assessment_factor_record" add constraint "assessment_factor_record_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "allocation" add constraint "allocation_young_person_id_foreign" foreign key ("young_person_id") references "young_person" ("id") on update cascade;`,
    );
  }
}
