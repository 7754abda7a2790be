import { Migration } from '@mikro-orm/migrations';

/** education, SQLite: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
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
      `create table \`pupil\` (\`id\` integer not null primary key autoincrement, \`upn\` text not null, \`date_of_birth\` date not null, \`entered_care_date\` date null, \`virtual_school\` text not null);`,
    );
    this.addSql(`create unique index \`pupil_upn_unique\` on \`pupil\` (\`upn\`);`);

    this.addSql(
      `create table \`post_sixteen_status\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`recorded_on\` date not null, \`activity\` text check (\`activity\` in ('FULL_TIME_EDUCATION', 'APPRENTICESHIP', 'SUPPORTED_INTERNSHIP', 'EMPLOYMENT_WITH_TRAINING', 'EMPLOYMENT_WITHOUT_TRAINING', 'NEET_AVAILABLE', 'NEET_NOT_AVAILABLE', 'NOT_KNOWN')) null, \`risk_of_neet\` text check (\`risk_of_neet\` in ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')) null, \`transition_plan_date\` date null, constraint \`post_sixteen_status_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`post_sixteen_status_pupil_id_index\` on \`post_sixteen_status\` (\`pupil_id\`);`);

    this.addSql(
      `create table \`personal_education_plan\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`meeting_date\` date not null, \`quality\` text check (\`quality\` in ('AMBER', 'GREEN', 'GOLD')) null, \`targets\` json not null, \`pupil_premium_plus_amount\` integer null, \`pupil_premium_plus_purpose\` text null, constraint \`personal_education_plan_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`personal_education_plan_pupil_id_index\` on \`personal_education_plan\` (\`pupil_id\`);`);

    this.addSql(
      `create table \`not_in_school_episode\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`start_date\` date not null, \`end_date\` date null, \`kind\` text check (\`kind\` in ('CHILD_MISSING_EDUCATION', 'ELECTIVE_HOME_EDUCATION')) not null, constraint \`not_in_school_episode_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`not_in_school_episode_pupil_id_index\` on \`not_in_school_episode\` (\`pupil_id\`);`);

    this.addSql(
      `create table \`alternative_provision_episode\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`start_date\` date not null, \`end_date\` date null, \`provider_name\` text not null, \`registered_provider\` integer not null, \`hours_per_week\` double not null, constraint \`alternative_provision_episode_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`alternative_provision_episode_pupil_id_index\` on \`alternative_provision_episode\` (\`pupil_id\`);`);

    this.addSql(
      `create table \`reduced_timetable\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`start_date\` date not null, \`end_date\` date null, \`hours_per_week\` double not null, \`not_shared_with\` json null, constraint \`reduced_timetable_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`reduced_timetable_pupil_id_index\` on \`reduced_timetable\` (\`pupil_id\`);`);

    this.addSql(
      `create table \`school\` (\`urn\` text not null, \`local_authority_code\` text not null, \`establishment_number\` text not null, \`name\` text not null, \`phase\` text check (\`phase\` in ('NURSERY', 'PRIMARY', 'SECONDARY', 'ALL_THROUGH', 'SIXTEEN_PLUS', 'NOT_APPLICABLE')) not null, primary key (\`urn\`));`,
    );

    this.addSql(
      `create table \`permanent_exclusion\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`school_urn\` text not null, \`start_date\` date not null, \`sessions_lost\` integer not null, \`reason\` text check (\`reason\` in ('PA', 'PP', 'VA', 'VP', 'BU', 'RA', 'LG', 'DS', 'SM', 'DA', 'DM', 'TH', 'PD', 'MT', 'WP', 'OT')) not null, \`not_shared_with\` json null, constraint \`permanent_exclusion_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade, constraint \`permanent_exclusion_school_urn_foreign\` foreign key(\`school_urn\`) references \`school\`(\`urn\`) on update cascade);`,
    );
    this.addSql(`create index \`permanent_exclusion_pupil_id_index\` on \`permanent_exclusion\` (\`pupil_id\`);`);
    this.addSql(`create index \`permanent_exclusion_school_urn_index\` on \`permanent_exclusion\` (\`school_urn\`);`);

    this.addSql(
      `create table \`school_enrolment\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`start_date\` date not null, \`end_date\` date null, \`school_urn\` text not null, \`roll_status\` text check (\`roll_status\` in ('SINGLE', 'MAIN', 'SUBSIDIARY', 'GUEST', 'FE_COLLEGE')) not null, \`reason_for_leaving\` text check (\`reason_for_leaving\` in ('REGISTERED_AT_ANOTHER_SCHOOL', 'COMPLETED_SCHOOL_PHASE', 'CEASED_TO_RESIDE_NEARBY', 'ELECTIVE_HOME_EDUCATION', 'PERMANENTLY_EXCLUDED', 'CONTINUOUS_ABSENCE', 'NO_LONGER_OF_COMPULSORY_SCHOOL_AGE', 'OTHER')) null, \`reason_for_leaving_not_shared_with\` json null, constraint \`school_enrolment_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade, constraint \`school_enrolment_school_urn_foreign\` foreign key(\`school_urn\`) references \`school\`(\`urn\`) on update cascade);`,
    );
    this.addSql(`create index \`school_enrolment_pupil_id_index\` on \`school_enrolment\` (\`pupil_id\`);`);
    this.addSql(`create index \`school_enrolment_school_urn_index\` on \`school_enrolment\` (\`school_urn\`);`);

    this.addSql(
      `create table \`sen_provision_episode\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`start_date\` date not null, \`end_date\` date null, \`provision\` text check (\`provision\` in ('N', 'K', 'E')) not null, \`ehcp_request_date\` date null, \`ehcp_issue_date\` date null, constraint \`sen_provision_episode_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`sen_provision_episode_pupil_id_index\` on \`sen_provision_episode\` (\`pupil_id\`);`);

    this.addSql(
      `create table \`suspension\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`school_urn\` text not null, \`start_date\` date not null, \`sessions_lost\` integer not null, \`reason\` text check (\`reason\` in ('PA', 'PP', 'VA', 'VP', 'BU', 'RA', 'LG', 'DS', 'SM', 'DA', 'DM', 'TH', 'PD', 'MT', 'WP', 'OT')) not null, \`not_shared_with\` json null, constraint \`suspension_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade, constraint \`suspension_school_urn_foreign\` foreign key(\`school_urn\`) references \`school\`(\`urn\`) on update cascade);`,
    );
    this.addSql(`create index \`suspension_pupil_id_index\` on \`suspension\` (\`pupil_id\`);`);
    this.addSql(`create index \`suspension_school_urn_index\` on \`suspension\` (\`school_urn\`);`);

    this.addSql(
      `create table \`term_attendance\` (\`id\` integer not null primary key autoincrement, \`pupil_id\` integer not null, \`academic_year\` text not null, \`term\` text check (\`term\` in ('AUTUMN', 'SPRING', 'SUMMER')) not null, \`sessions_possible\` integer not null, \`authorised_absence\` integer not null, \`unauthorised_absence\` integer not null, constraint \`term_attendance_pupil_id_foreign\` foreign key(\`pupil_id\`) references \`pupil\`(\`id\`) on update cascade);`,
    );
    this.addSql(`create index \`term_attendance_pupil_id_index\` on \`term_attendance\` (\`pupil_id\`);`);
    this.addSql(
      `create unique index \`term_attendance_pupil_id_academic_year_term_unique\` on \`term_attendance\` (\`pupil_id\`, \`academic_year\`, \`term\`);`,
    );
  }
}
