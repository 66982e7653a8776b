/**
 * Record types of Gong's answers, written from Gong's API document. Gong adds fields without notice,
 * so every record keeps unknown fields (`[key: string]: unknown`). Ids are strings: Gong's ids can
 * exceed JavaScript's safe integers and are parsed losslessly.
 */

/** Fields Gong may add later. */
export interface Open {
  [key: string]: unknown;
}

export interface User extends Open {
  id: string;
  emailAddress?: string;
  created?: string;
  active?: boolean;
  emailAliases?: string[];
  trustedEmailAddress?: string;
  firstName?: string;
  lastName?: string;
  title?: string;
  phoneNumber?: string;
  extension?: string;
  personalMeetingUrls?: string[];
  settings?: Open;
  managerId?: string;
  meetingConsentPageUrl?: string;
  spokenLanguages?: { language?: string; primary?: boolean }[];
}

export interface UserSettingsHistoryEntry extends Open {
  [key: string]: unknown;
}

export interface Call extends Open {
  id: string;
  url?: string;
  title?: string;
  scheduled?: string;
  started?: string;
  /** Seconds. */
  duration?: number;
  primaryUserId?: string;
  direction?: "Inbound" | "Outbound" | "Conference" | "Unknown" | (string & {});
  system?: string;
  scope?: "Internal" | "External" | "Unknown" | (string & {});
  media?: "Video" | "Audio" | (string & {});
  language?: string;
  workspaceId?: string;
  sdrDisposition?: string;
  clientUniqueId?: string;
  customData?: string;
  purpose?: string;
  meetingUrl?: string;
  isPrivate?: boolean;
  calendarEventId?: string;
}

export interface CallParty extends Open {
  id?: string;
  emailAddress?: string;
  name?: string;
  title?: string;
  userId?: string;
  /** Joins `CallTranscript.transcript[].speakerId`. */
  speakerId?: string;
  affiliation?: "Internal" | "External" | "Unknown" | (string & {});
  phoneNumber?: string;
  methods?: string[];
  context?: Open[];
}

export interface ExtensiveCall extends Open {
  metaData: Call;
  context?: Open[];
  parties?: CallParty[];
  content?: Open & {
    structure?: Open[];
    trackers?: Open[];
    topics?: Open[];
    brief?: string;
    outline?: Open[];
    highlights?: Open[];
    callOutcome?: Open;
    keyPoints?: Open[];
  };
  interaction?: Open & { speakers?: Open[]; interactionStats?: Open[]; video?: Open[]; questions?: Open };
  collaboration?: Open & { publicComments?: Open[] };
  media?: Open & { audioUrl?: string; videoUrl?: string };
}

export interface TranscriptSentence extends Open {
  /** Milliseconds from the start of the call. */
  start: number;
  end: number;
  text: string;
}

export interface CallTranscript extends Open {
  callId: string;
  transcript: (Open & { speakerId?: string; topic?: string | null; sentences: TranscriptSentence[] })[];
}

export interface Workspace extends Open {
  id: string;
  name?: string;
  description?: string;
}

export interface UserAggregateActivity extends Open {
  userId?: string;
  userEmailAddress?: string;
  userAggregateActivityStats?: Open;
}

export interface UserAggregateByPeriod extends Open {
  userId?: string;
  userEmailAddress?: string;
  usersAggregateActivity?: Open[];
}

export interface UserDayByDayActivity extends Open {
  userId?: string;
  userEmailAddress?: string;
  userDailyActivityStats?: Open[];
}

export interface UserInteractionStats extends Open {
  userId?: string;
  userEmailAddress?: string;
  personInteractionStats?: { name?: string; value?: number }[];
}

export interface AnsweredScorecard extends Open {
  answeredScorecardId?: string;
  scorecardId?: string;
  scorecardName?: string;
  callId?: string;
  callStartTime?: string;
  reviewedUserId?: string;
  reviewerUserId?: string;
  reviewTime?: string;
  visibilityType?: string;
  answers?: Open[];
}

export interface Scorecard extends Open {
  scorecardId?: string;
  scorecardName?: string;
  workspaceId?: string;
  enabled?: boolean;
  questions?: Open[];
}

export interface Tracker extends Open {
  trackerId?: string;
  trackerName?: string;
  workspaceId?: string;
  languageKeywords?: Open[];
}

export interface Brief extends Open {
  [key: string]: unknown;
}

export interface LibraryFolder extends Open {
  id: string;
  name?: string;
  parentFolderId?: string;
  createdBy?: string;
  updated?: string;
}

export interface LibraryCall extends Open {
  id: string;
  title?: string;
  note?: string;
  addedBy?: string;
  created?: string;
  url?: string;
  snippet?: { fromSec?: number; toSec?: number };
}

export interface CoachingMetrics extends Open {
  [key: string]: unknown;
}

export interface CallOutcome extends Open {
  [key: string]: unknown;
}

export interface LogEntry extends Open {
  userId?: string;
  userEmailAddress?: string;
  userFullName?: string;
  impersonatorUserId?: string;
  eventTime?: string;
  logRecord?: Open;
}

export interface PermissionProfile extends Open {
  id?: string;
  name?: string;
  description?: string;
}

export interface Flow extends Open {
  id?: string;
  name?: string;
  folderId?: string;
  folderName?: string;
  visibility?: string;
  creationDate?: string;
  exclusive?: boolean;
}

export interface Task extends Open {
  [key: string]: unknown;
}

export interface CallAccess extends Open {
  callId?: string;
  users?: Open[];
}

export interface CrmIntegration extends Open {
  integrationId?: string;
  name?: string;
  ownerEmail?: string;
}
