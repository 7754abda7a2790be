import { MeetingConsentWrites } from './consent';
import { MeetingInvitations } from './invite';
import { MeetingRecording } from './record';
import { MeetingScheduling } from './schedule';

/** Every way the hub writes a meeting, each one transaction with its audit record (./shared). */
export const meetingWrites = [MeetingScheduling, MeetingInvitations, MeetingConsentWrites, MeetingRecording];
