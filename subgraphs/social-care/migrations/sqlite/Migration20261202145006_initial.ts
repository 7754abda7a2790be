import { Migration } from '@mikro-orm/migrations';

/** social-care, SQLite: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
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
      `create table \`young_person\` (\`id\` text not null, \`la_code\` text not null, \`la_child_id\` text not null, \`given_name\` text not null, \`family_name\` text not null, \`preferred_name\` text null, \`date_of_birth\` date not null, \`sex\` text check (\`sex\` in ('MALE', 'FEMALE')) not null, \`ethnicity\` text check (\`ethnicity\` in ('WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')) not null, primary key (\`id\`));`,
    );
    this.addSql(`create index \`young_person_family_name_index\` on \`young_person\` (\`family_name\`);`);
    this.addSql(`create unique index \`young_person_la_code_la_child_id_unique\` on \`young_person\` (\`la_code\`, \`la_child_id\`);`);

    this.addSql(
      `create table \`statutory_visit\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`visited_on\` date not null, \`seen\` integer not null, \`seen_alone\` integer not null, constraint \`statutory_visit_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`statutory_visit_young_person_id_index\` on \`statutory_visit\` (\`young_person_id\`);`);

    this.addSql(
      `create table \`specialist_involvement\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`start_date\` date not null, \`end_date\` date null, \`specialist\` text check (\`specialist\` in ('LIFE_COACH', 'COMMUNICATION_SUPPORT', 'CAMHS_WORKER', 'POLICE_LIAISON')) not null, \`practitioner_id\` text not null, \`practitioner_name\` text not null, constraint \`specialist_involvement_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`specialist_involvement_young_person_id_index\` on \`specialist_involvement\` (\`young_person_id\`);`);
    this.addSql(`create index \`specialist_involvement_practitioner_id_index\` on \`specialist_involvement\` (\`practitioner_id\`);`);

    this.addSql(
      `create table \`plan\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`type\` text check (\`type\` in ('CARE_PLAN', 'CIN_PLAN', 'CP_PLAN', 'PATHWAY_PLAN', 'NWD_CARE_AND_PROGRESSION_PLAN', 'SAFETY_PLAN', 'MISSING_PLAN')) not null, \`agreed_on\` date not null, \`last_reviewed_on\` date null, \`ended_on\` date null, \`summary\` text not null, constraint \`plan_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`plan_young_person_id_index\` on \`plan\` (\`young_person_id\`);`);

    this.addSql(
      `create table \`placement_episode\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`start_date\` date not null, \`end_date\` date null, \`placement_type\` text check (\`placement_type\` in ('U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'K1', 'K2', 'R1', 'R5', 'H5', 'P1', 'P2', 'S1', 'Z1', 'NWD_HUB_BED', 'NWD_HUB_COMMUNITY_FAMILY', 'SUPPORTED_LODGINGS')) not null, \`provider\` text not null, \`reason_for_change\` text check (\`reason_for_change\` in ('CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER')) null, \`distance\` text check (\`distance\` in ('WITHIN_20_MILES', 'BEYOND_20_MILES')) not null, \`inside_local_authority\` integer not null, \`fragile\` integer not null default false, constraint \`placement_episode_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`placement_episode_young_person_id_index\` on \`placement_episode\` (\`young_person_id\`);`);

    this.addSql(
      `create table \`nwd_involvement\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`referred_on\` date not null, \`referral_source\` text not null, \`priority\` text check (\`priority\` in ('RED', 'AMBER', 'GREEN')) not null, \`support_started_on\` date null, \`support\` text check (\`support\` in ('HUB_PLACEMENT', 'OUTREACH')) not null, \`key_worker\` text not null, \`closed_on\` date null, \`closure_outcome\` text check (\`closure_outcome\` in ('REMAINED_AT_HOME', 'STABLE_PLACEMENT', 'INDEPENDENT_LIVING', 'BECAME_LOOKED_AFTER', 'MOVED_AWAY', 'OTHER')) null, constraint \`nwd_involvement_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`nwd_involvement_young_person_id_index\` on \`nwd_involvement\` (\`young_person_id\`);`);

    this.addSql(
      `create table \`missing_from_care_episode\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`type\` text check (\`type\` in ('M', 'A')) not null, \`started_at\` datetime not null, \`ended_at\` datetime null, constraint \`missing_from_care_episode_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`missing_from_care_episode_young_person_id_index\` on \`missing_from_care_episode\` (\`young_person_id\`);`);

    this.addSql(
      `create table \`meeting\` (\`id\` text not null, \`young_person_id\` text not null, \`kind\` text check (\`kind\` in ('RAISE', 'DEEP_DIVE')) not null, \`held_on\` date not null, \`status\` text check (\`status\` in ('SCHEDULED', 'HELD', 'POSTPONED', 'CANCELLED')) not null, \`status_reason\` text null, \`status_changed_on\` date null, \`rescheduled_as_id\` text null, \`chair\` text not null, \`chair_id\` text not null, \`young_person_agreed_to_be_discussed\` integer null, \`consent_override_reason\` text null, \`consent_overridden_by_id\` text null, \`young_person_views\` text null, \`analysis\` text null, \`plan\` text null, \`findings\` text null, \`next_review_on\` date null, \`recorded_at\` datetime null, \`recorded_by_id\` text null, \`version\` integer not null default 1, \`pack_reference\` text not null, constraint \`meeting_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade, primary key (\`id\`));`,
    );
    this.addSql(`create index \`meeting_young_person_id_index\` on \`meeting\` (\`young_person_id\`);`);
    this.addSql(`create unique index \`meeting_pack_reference_unique\` on \`meeting\` (\`pack_reference\`);`);
    this.addSql(`create index \`meeting_status_held_on_index\` on \`meeting\` (\`status\`, \`held_on\`);`);
    this.addSql(`create index \`meeting_young_person_id_held_on_index\` on \`meeting\` (\`young_person_id\`, \`held_on\`);`);

    this.addSql(
      `create table \`significant_event\` (\`id\` integer not null primary key autoincrement, \`meeting_id\` text not null, \`occurred_on\` date not null, \`agency\` text check (\`agency\` in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, \`summary\` text not null, constraint \`significant_event_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`significant_event_meeting_id_index\` on \`significant_event\` (\`meeting_id\`);`);

    this.addSql(
      `create table \`scaling_score\` (\`id\` integer not null primary key autoincrement, \`meeting_id\` text not null, \`professional\` text not null, \`agency\` text check (\`agency\` in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, \`score\` integer not null, \`rationale\` text null, constraint \`scaling_score_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`scaling_score_meeting_id_index\` on \`scaling_score\` (\`meeting_id\`);`);

    this.addSql(
      `create table \`meeting_observation\` (\`id\` integer not null primary key autoincrement, \`meeting_id\` text not null, \`kind\` text check (\`kind\` in ('STRENGTH', 'RISK')) not null, \`category\` text check (\`category\` in ('GOING_MISSING', 'CRIMINAL_EXPLOITATION', 'SEXUAL_EXPLOITATION', 'OFFENDING', 'SELF_HARM', 'EMOTIONAL_WELLBEING', 'SUBSTANCE_MISUSE', 'PLACEMENT_STABILITY', 'EDUCATION', 'FAMILY_RELATIONSHIPS', 'OTHER')) null, \`text\` text not null, constraint \`meeting_observation_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`meeting_observation_meeting_id_index\` on \`meeting_observation\` (\`meeting_id\`);`);

    this.addSql(
      `create table \`meeting_attendee\` (\`id\` integer not null primary key autoincrement, \`meeting_id\` text not null, \`name\` text not null, \`practitioner_id\` text null, \`invited_on\` date not null, \`role\` text not null, \`agency\` text check (\`agency\` in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, \`attendance\` text check (\`attendance\` in ('ATTENDED_IN_PERSON', 'ATTENDED_VIRTUALLY', 'SENT_APOLOGIES', 'DID_NOT_ATTEND')) null, constraint \`meeting_attendee_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`meeting_attendee_meeting_id_index\` on \`meeting_attendee\` (\`meeting_id\`);`);
    this.addSql(`create index \`meeting_attendee_practitioner_id_index\` on \`meeting_attendee\` (\`practitioner_id\`);`);

    this.addSql(
      `create table \`meeting_action\` (\`id\` integer not null primary key autoincrement, \`meeting_id\` text not null, \`description\` text not null, \`owning_agency\` text check (\`owning_agency\` in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, \`owner_id\` text not null, \`owner\` text not null, \`due_date\` date not null, \`status\` text check (\`status\` in ('OPEN', 'COMPLETED', 'CANCELLED')) not null, \`completed_on\` date null, \`last_progress_at\` datetime null, \`progress_reports\` integer not null default 0, \`version\` integer not null default 1, constraint \`meeting_action_meeting_id_foreign\` foreign key(\`meeting_id\`) references \`meeting\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`meeting_action_meeting_id_index\` on \`meeting_action\` (\`meeting_id\`);`);
    this.addSql(`create index \`meeting_action_owner_id_status_index\` on \`meeting_action\` (\`owner_id\`, \`status\`);`);

    this.addSql(
      `create table \`action_progress_note\` (\`id\` integer not null primary key autoincrement, \`action_id\` integer not null, \`written_at\` datetime not null, \`author_id\` text not null, \`author\` text not null, \`author_agency\` text check (\`author_agency\` in ('SOCIAL_CARE', 'EDUCATION', 'HEALTH', 'POLICE', 'NWD_HUB', 'OTHER')) not null, \`note\` text not null, \`status\` text check (\`status\` in ('OPEN', 'COMPLETED', 'CANCELLED')) not null, constraint \`action_progress_note_action_id_foreign\` foreign key(\`action_id\`) references \`meeting_action\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`action_progress_note_action_id_index\` on \`action_progress_note\` (\`action_id\`);`);

    this.addSql(
      `create table \`legal_status_episode\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`start_date\` date not null, \`end_date\` date null, \`legal_status\` text check (\`legal_status\` in ('C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3')) not null, constraint \`legal_status_episode_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`legal_status_episode_young_person_id_index\` on \`legal_status_episode\` (\`young_person_id\`);`);

    this.addSql(
      `create table \`identifier_link\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`scheme\` text check (\`scheme\` in ('UPN', 'NHS_NUMBER', 'PNC_ID')) not null, \`value\` text not null, \`method\` text check (\`method\` in ('NHS_SPINE_TRACE', 'AGENCY_CONFIRMED', 'DEMOGRAPHIC_MATCH', 'RECORDED_BY_PRACTITIONER')) not null, \`linked_by\` text not null, \`linked_on\` date not null, \`superseded_on\` date null, constraint \`identifier_link_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`identifier_link_young_person_id_index\` on \`identifier_link\` (\`young_person_id\`);`);
    this.addSql(`create index \`identifier_link_scheme_value_index\` on \`identifier_link\` (\`scheme\`, \`value\`);`);

    this.addSql(
      `create table \`case_status_episode\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`start_date\` date not null, \`end_date\` date null, \`status\` text check (\`status\` in ('EARLY_HELP', 'CHILD_IN_NEED', 'CHILD_PROTECTION', 'LOOKED_AFTER', 'CARE_LEAVER', 'EDGE_OF_CARE')) not null, \`cp_category\` text check (\`cp_category\` in ('NEG', 'PHY', 'SAB', 'EMO', 'MUL')) null, \`uasc\` integer not null default false, constraint \`case_status_episode_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`case_status_episode_young_person_id_index\` on \`case_status_episode\` (\`young_person_id\`);`);

    this.addSql(
      `create table \`assessment_factor_record\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`factor\` text check (\`factor\` in ('GOING_MISSING', 'CHILD_SEXUAL_EXPLOITATION', 'TRAFFICKING', 'GANGS', 'SOCIALLY_UNACCEPTABLE_BEHAVIOUR', 'SELF_HARM', 'CHILD_CRIMINAL_EXPLOITATION')) not null, \`identified_on\` date not null, constraint \`assessment_factor_record_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`assessment_factor_record_young_person_id_index\` on \`assessment_factor_record\` (\`young_person_id\`);`);

    this.addSql(
      `create table \`allocation\` (\`id\` integer not null primary key autoincrement, \`young_person_id\` text not null, \`start_date\` date not null, \`end_date\` date null, \`practitioner_id\` text not null, \`practitioner_name\` text not null, \`role\` text not null, constraint \`allocation_young_person_id_foreign\` foreign key(\`young_person_id\`) references \`young_person\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`allocation_young_person_id_index\` on \`allocation\` (\`young_person_id\`);`);
    this.addSql(`create index \`allocation_practitioner_id_index\` on \`allocation\` (\`practitioner_id\`);`);
  }
}
