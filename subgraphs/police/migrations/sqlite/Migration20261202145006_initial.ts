import { Migration } from '@mikro-orm/migrations';

/** police, SQLite: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
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
      `create table \`nominal\` (\`id\` integer not null primary key autoincrement, \`pnc_id\` text not null, \`date_of_birth\` date not null);`,
    );
    this.addSql(`create unique index \`nominal_pnc_id_unique\` on \`nominal\` (\`pnc_id\`);`);

    this.addSql(
      `create table \`missing_episode\` (\`id\` integer not null primary key autoincrement, \`nominal_id\` integer not null, \`reported_at\` datetime not null, \`found_at\` datetime null, \`risk_grading\` text check (\`risk_grading\` in ('NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH')) not null, \`risk_grading_scheme_version\` text not null, \`location_found\` text null, \`not_shared_with\` json null, constraint \`missing_episode_nominal_id_foreign\` foreign key(\`nominal_id\`) references \`nominal\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`missing_episode_nominal_id_index\` on \`missing_episode\` (\`nominal_id\`);`);

    this.addSql(
      `create table \`location_of_concern\` (\`id\` integer not null primary key autoincrement, \`nominal_id\` integer not null, \`description\` text not null, \`kind\` text check (\`kind\` in ('ADDRESS', 'PUBLIC_SPACE', 'TRANSPORT_HUB', 'COMMERCIAL_PREMISES', 'OUT_OF_AREA')) not null, \`concern_from\` date not null, \`concern_to\` date null, constraint \`location_of_concern_nominal_id_foreign\` foreign key(\`nominal_id\`) references \`nominal\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`location_of_concern_nominal_id_index\` on \`location_of_concern\` (\`nominal_id\`);`);

    this.addSql(
      `create table \`intelligence_item\` (\`id\` integer not null primary key autoincrement, \`nominal_id\` integer not null, \`recorded_at\` datetime not null, \`grading_scheme\` text check (\`grading_scheme\` in ('THREE_BY_FIVE_BY_TWO', 'FIVE_BY_FIVE_BY_FIVE')) not null, \`source_evaluation\` text check (\`source_evaluation\` in ('RELIABLE', 'UNTESTED', 'NOT_RELIABLE')) null, \`intelligence_assessment\` text check (\`intelligence_assessment\` in ('A', 'B', 'C', 'D', 'E')) null, \`handling_code\` text check (\`handling_code\` in ('P', 'C')) null, \`handling_conditions\` text null, \`legacy_source_evaluation\` text null, \`legacy_intelligence_evaluation\` text null, \`legacy_handling_code\` text null, \`full_text\` text not null, \`sanitised_text\` text not null, \`marked_for_sharing\` integer not null, constraint \`intelligence_item_nominal_id_foreign\` foreign key(\`nominal_id\`) references \`nominal\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`intelligence_item_nominal_id_index\` on \`intelligence_item\` (\`nominal_id\`);`);

    this.addSql(
      `create table \`exploitation_concern\` (\`id\` integer not null primary key autoincrement, \`nominal_id\` integer not null, \`type\` text check (\`type\` in ('CSE', 'CCE', 'COUNTY_LINES')) not null, \`concern_from\` date not null, \`concern_to\` date null, constraint \`exploitation_concern_nominal_id_foreign\` foreign key(\`nominal_id\`) references \`nominal\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`exploitation_concern_nominal_id_index\` on \`exploitation_concern\` (\`nominal_id\`);`);

    this.addSql(
      `create table \`associate\` (\`id\` integer not null primary key autoincrement, \`nominal_id\` integer not null, \`name\` text not null, \`relationship\` text check (\`relationship\` in ('PEER', 'ADULT_OF_CONCERN', 'FAMILY_MEMBER', 'PARTNER')) not null, \`known_from\` date not null, \`known_to\` date null, constraint \`associate_nominal_id_foreign\` foreign key(\`nominal_id\`) references \`nominal\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`associate_nominal_id_index\` on \`associate\` (\`nominal_id\`);`);

    this.addSql(
      `create table \`arrest\` (\`id\` integer not null primary key autoincrement, \`nominal_id\` integer not null, \`arrested_on\` date not null, \`offence_category\` text check (\`offence_category\` in ('VIOLENCE_AGAINST_THE_PERSON', 'ROBBERY', 'SEXUAL_OFFENCES', 'THEFT_AND_HANDLING', 'BURGLARY', 'CRIMINAL_DAMAGE', 'DRUGS', 'POSSESSION_OF_WEAPONS', 'PUBLIC_ORDER', 'OTHER')) not null, \`gravity_score\` integer not null, \`charge\` text null, \`outcome\` text check (\`outcome\` in ('CHARGED', 'YOUTH_CONDITIONAL_CAUTION', 'YOUTH_CAUTION', 'COMMUNITY_RESOLUTION', 'OUTCOME_22', 'NO_FURTHER_ACTION', 'RELEASED_UNDER_INVESTIGATION', 'BAILED')) not null, \`offence_in_nwd_hub\` integer not null, \`not_shared_with\` json null, constraint \`arrest_nominal_id_foreign\` foreign key(\`nominal_id\`) references \`nominal\`(\`id\`) on update cascade, constraint arrest_gravity_score_check check (gravity_score >= 1 and gravity_score <= 8));`,
    );
    this.addSql(`create index \`arrest_nominal_id_index\` on \`arrest\` (\`nominal_id\`);`);

    this.addSql(
      `create table \`nrm_referral\` (\`id\` integer not null primary key autoincrement, \`nominal_id\` integer not null, \`referred_on\` date not null, \`reasonable_grounds_decision_on\` date null, \`reasonable_grounds_outcome\` text check (\`reasonable_grounds_outcome\` in ('POSITIVE', 'NEGATIVE')) null, \`conclusive_grounds_decision_on\` date null, \`conclusive_grounds_outcome\` text check (\`conclusive_grounds_outcome\` in ('POSITIVE', 'NEGATIVE')) null, constraint \`nrm_referral_nominal_id_foreign\` foreign key(\`nominal_id\`) references \`nominal\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`nrm_referral_nominal_id_index\` on \`nrm_referral\` (\`nominal_id\`);`);

    this.addSql(
      `create table \`pack_snapshot\` (\`reference\` text not null, \`subject\` text not null, \`viewer_id\` text not null, \`frozen_at\` datetime not null, \`content\` text not null, \`notices\` text not null, \`content_hash\` text not null, primary key (\`reference\`));`,
    );

    this.addSql(
      `create table \`return_home_interview\` (\`id\` integer not null primary key autoincrement, \`missing_episode_id\` integer not null, \`offered_at\` datetime not null, \`took_place_at\` datetime null, \`taken_up\` text check (\`taken_up\` in ('YES', 'NO', 'DECLINED')) null, constraint \`return_home_interview_missing_episode_id_foreign\` foreign key(\`missing_episode_id\`) references \`missing_episode\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`return_home_interview_missing_episode_id_index\` on \`return_home_interview\` (\`missing_episode_id\`);`);
    this.addSql(
      `create unique index \`return_home_interview_missing_episode_id_unique\` on \`return_home_interview\` (\`missing_episode_id\`);`,
    );
  }
}
