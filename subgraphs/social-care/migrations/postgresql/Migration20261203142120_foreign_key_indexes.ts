import { Migration } from '@mikro-orm/migrations';

/** social-care, PostgreSQL: written by `npm run migration:create` from the entities. Once applied anywhere, never edited. */
export class Migration20261203142120_foreign_key_indexes extends Migration {
  override up(): void {
    this.addSql(`create index "statutory_visit_young_person_id_index" on "statutory_visit" ("young_person_id");`);

    this.addSql(`create index "specialist_involvement_young_person_id_index" on "specialist_involvement" ("young_person_id");`);

    this.addSql(`create index "plan_young_person_id_index" on "plan" ("young_person_id");`);

    this.addSql(`create index "placement_episode_young_person_id_index" on "placement_episode" ("young_person_id");`);

    this.addSql(`create index "nwd_involvement_young_person_id_index" on "nwd_involvement" ("young_person_id");`);

    this.addSql(`create index "missing_from_care_episode_young_person_id_index" on "missing_from_care_episode" ("young_person_id");`);

    this.addSql(`create index "meeting_young_person_id_index" on "meeting" ("young_person_id");`);

    this.addSql(`create index "significant_event_meeting_id_index" on "significant_event" ("meeting_id");`);

    this.addSql(`create index "scaling_score_meeting_id_index" on "scaling_score" ("meeting_id");`);

    this.addSql(`create index "meeting_observation_meeting_id_index" on "meeting_observation" ("meeting_id");`);

    this.addSql(`create index "meeting_attendee_meeting_id_index" on "meeting_attendee" ("meeting_id");`);

    this.addSql(`create index "meeting_action_meeting_id_index" on "meeting_action" ("meeting_id");`);

    this.addSql(`create index "action_progress_note_action_id_index" on "action_progress_note" ("action_id");`);

    this.addSql(`create index "legal_status_episode_young_person_id_index" on "legal_status_episode" ("young_person_id");`);

    this.addSql(`create index "identifier_link_young_person_id_index" on "identifier_link" ("young_person_id");`);

    this.addSql(`create index "case_status_episode_young_person_id_index" on "case_status_episode" ("young_person_id");`);

    this.addSql(`create index "assessment_factor_record_young_person_id_index" on "assessment_factor_record" ("young_person_id");`);

    this.addSql(`create index "allocation_young_person_id_index" on "allocation" ("young_person_id");`);
  }
}
