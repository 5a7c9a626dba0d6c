// Shapes of the stemnet HTTP API (docs/api.md). Only the members the UI reads.

export type Lang = 'nb' | 'nn' | 'en';
export type Localised = Record<Lang, string>;

export interface ListOf<T> {
  items: T[];
  total: number;
  next_cursor: string | null;
}

/** One fault of a request the server checked against its API document. */
export interface Fault {
  pointer?: string;
  parameter?: string;
  code: string;
  params?: Record<string, string | number>;
  detail: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  param?: string;
  code?: string;
  params?: Record<string, string | number>;
  errors?: Fault[];
}

export interface Point {
  lon: number;
  lat: number;
}
export interface NumberName {
  number: string;
  name: string;
}

export interface County {
  number: string;
  name: string;
  parallel_names: string[];
  name_norwegian: string;
  population: number | null;
  website: string | null;
  label_point: Point;
}

export interface Municipality {
  number: string;
  kind: 'municipality' | 'territory';
  name: string;
  parallel_names: string[];
  name_norwegian: string;
  county: NumberName | null;
  admin_centre: string | null;
  population: number | null;
  area_km2: number | null;
  written_language: 'bokmal' | 'nynorsk' | 'neutral' | null;
  website: string | null;
  label_point: Point;
  school_count: number;
}

export interface School {
  orgnr: string;
  name: string;
  municipality: NumberName;
  county: NumberName | null;
  grades: { grade: number; school_year: string; tested_pupils: number | null }[];
  location: Point;
  location_precision: string;
}

export interface Institution {
  id: string;
  kind: 'science_centre' | 'higher_education';
  name: string;
  abbreviation: string | null;
  sites: { municipality: NumberName; location: Point }[];
}

export type Stage =
  | 'primary'
  | 'lower_secondary'
  | 'upper_secondary'
  | 'higher_education'
  | 'labour_market'
  | 'engagement'
  | 'context';

export const STAGES: Stage[] = [
  'primary',
  'lower_secondary',
  'upper_secondary',
  'higher_education',
  'labour_market',
  'engagement',
  'context',
];

export interface Indicator {
  id: string;
  name: Localised;
  definition: Localised;
  unit: string;
  decimals: number;
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  stage: Stage;
  origin: 'imported' | 'computed';
  levels: string[];
  breakdowns: string[];
  headline: string;
  source: {
    name: string;
    table: string | null;
    url: string | null;
    licence: string;
    attribution: string;
  };
  latest_period: string | null;
  cells: number;
  has_data: boolean;
}

export interface Target {
  id: string;
  area_level: string;
  area: string | null;
  value: number;
  year: number;
  set_by: string;
  reason: string;
  created_at: string;
}

export interface IndicatorDetail extends Indicator {
  periods: string[];
  targets: Target[];
}

export interface ProfileEntry {
  indicator: Indicator;
  period: string | null;
  value: number | null;
  status: string;
  rank: number | null;
  peers: number;
  target: Target | null;
  progress: { state: 'reached' | 'on_track' | 'behind' | 'unknown'; projected: number | null } | null;
}

export interface AreaProfile {
  level: 'municipality' | 'county';
  code: string;
  name: string;
  indicators: ProfileEntry[];
}

export interface JsonStatDimension {
  label?: string;
  category: {
    index: string[] | Record<string, number>;
    label?: Record<string, string>;
  };
}

export interface JsonStat {
  version: string;
  class: string;
  label?: string;
  id: string[];
  size: number[];
  dimension: Record<string, JsonStatDimension>;
  value: (number | null)[] | Record<string, number | null>;
  status?: string | (string | null)[] | Record<string, string>;
  extension?: { stemnet?: { area_level?: Record<string, string> } };
}

export interface Role {
  role: 'teacher' | 'school_contact' | 'provider_member' | 'coordinator' | 'admin' | string;
  scope: string;
}

export interface Person {
  id: string;
  email: string;
  name: string;
  language: Lang;
  roles: Role[];
  csrf_token: string;
}

export type OrgKind = 'company' | 'higher_education' | 'science_centre' | 'municipality' | 'volunteer';

export interface Organisation {
  id: string;
  kind: OrgKind;
  name: string;
  orgnr: string | null;
  municipality: string;
  county: string | null;
  sector: string | null;
  profile: string;
  shows: string[];
  logo_url: string | null;
  status: 'pending' | 'approved' | 'rejected';
  created_at: string;
}

export const FORMATS = [
  'workplace_visit',
  'school_visit',
  'digital_qa',
  'virtual_tour',
  'role_model_talk',
  'kit',
  'camp',
] as const;
export type OfferFormat = (typeof FORMATS)[number];

export const SUBJECTS = [
  'natural_science',
  'mathematics',
  'technology_programming',
  'physics',
  'chemistry',
  'biology',
  'geosciences',
  'it',
  'arts_crafts',
  'social_science',
  'norwegian',
  'english',
  'food_health',
  'other',
] as const;
export type Subject = (typeof SUBJECTS)[number];

export interface Offer {
  id: string;
  organisation: { id: string; name: string };
  title: string;
  description: string;
  format: OfferFormat;
  subjects: Subject[];
  grades: { min: number; max: number };
  languages: string[];
  capacity: number;
  digital: boolean;
  municipality: string | null;
  address: string;
  travel_radius_km: number;
  duration_minutes: number;
  cost_nok: number;
  preparation: string;
  on_request: boolean;
  kit: { before: string; during: string; after: string };
  status: 'draft' | 'published' | 'archived';
  created_at: string;
  updated_at: string;
}

export interface Slot {
  id: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  booked: number;
  free: number;
}

export type RequestState =
  | 'requested'
  | 'proposed'
  | 'accepted'
  | 'declined'
  | 'cancelled'
  | 'completed'
  | 'not_held';

export type Move = 'accept' | 'propose' | 'decline' | 'cancel' | 'complete' | 'not_held' | 'feedback';

export interface Message {
  id: string;
  author: { id: string; name: string };
  body: string;
  created_at: string;
}

export interface BookingRequest {
  id: string;
  offer: { id: string; title: string; provider: string };
  school: { orgnr: string; name: string };
  grade: number;
  pupils: number;
  wished: string;
  slot: { id: string; starts_at: string; ends_at: string } | null;
  proposed_time: string | null;
  state: RequestState;
  reason: string;
  allowed_moves: Move[];
  messages: Message[];
  created_at: string;
  updated_at: string;
}

export interface ImpactYear {
  year: number;
  bookings: number;
  schools: number;
  municipalities: number;
  pupils: number | null;
  girls: number | null;
  boys: number | null;
  hours: number;
  average_feedback: number | null;
  feedbacks: number;
}

export interface Impact extends ListOf<ImpactYear> {
  organisation: string;
  suppression: string;
}

/** Open requests: a school's wish that any provider may answer (GET /api/v1/open-requests/{id}). */
export type OpenRequestState = 'open' | 'taken' | 'withdrawn';
export type OpenRequestAction = 'answer' | 'take' | 'withdraw';

export interface OpenRequestAnswer {
  id: string;
  body: string;
  offer: { id: string; title: string } | null;
  slot_id: string | null;
  author: { id: string; name: string };
  organisation: { id: string; name: string } | null;
  created_at: string;
}

export interface OpenRequest {
  id: string;
  school: { orgnr: string; name: string; municipality: NumberName; county: NumberName | null };
  grade: number;
  pupils: number;
  subjects: string[];
  formats: string[];
  digital_ok: boolean;
  weeks: string[];
  note: string;
  state: OpenRequestState;
  request_id: string | null;
  answers: OpenRequestAnswer[];
  allowed: OpenRequestAction[];
  created_at: string;
  updated_at: string;
}

/** The mails a person may get (GET /api/v1/me/notifications), in the server's order. */
export interface NotificationSetting {
  kind: string;
  enabled: boolean;
  optional: boolean;
}

/** One area of GET /api/v1/gaps: where supply is missing (docs/matching.md). */
export interface Gap {
  level: 'municipality' | 'county';
  code: string;
  name: string;
  schools: number;
  schools_engaged: number;
  bookings: number;
  pupils_tested: number;
  bookings_per_1000_tested_pupils: number | null;
  offers_in_reach: number;
  digital_offers: number;
  open_requests_unanswered: number;
  cold_spot: boolean;
}

export interface Gaps extends ListOf<Gap> {
  period: string;
}

export type RoundState = 'open' | 'proposed' | 'accepted';

export interface RoundTotals {
  requests: number;
  served: number;
  low_engagement: number;
  served_low_engagement: number;
  equity: number;
  fit: number;
  travel_m: number;
}

export interface RoundSummary {
  optimal: RoundTotals;
  first_come_first_served: RoundTotals;
  slots: number;
  arcs: number;
  max_candidates: number;
  travel_unit_m: number;
  solve_seconds: number;
}

export interface RoundSchool {
  orgnr: string;
  name: string;
  municipality: NumberName;
}

export interface RoundAssignment {
  open_request: string;
  school: RoundSchool;
  grade: number;
  pupils: number;
  equity: number;
  slot: { id: string; starts_at: string };
  offer: { id: string; title: string };
  provider: { id: string; name: string };
  distance_m: number;
  fit: { subject: number; week: number; grade: number; total: number };
  request_id: string | null;
}

export type UnservedReason = 'no_grade_fit' | 'no_slot_in_wished_weeks' | 'no_welcome_format' | 'no_slot_in_reach' | 'no_capacity';

export interface RoundUnserved {
  open_request: string;
  school: RoundSchool;
  grade: number;
  pupils: number;
  equity: number;
  reason: UnservedReason | string;
}

/** A matching round (POST/GET /api/v1/rounds); the summary is null until it is solved. */
export interface Round {
  id: string;
  region: string;
  period: { from: string; to: string };
  state: RoundState;
  created_by: string;
  created_at: string;
  solved_at: string | null;
  accepted_at: string | null;
  summary: Partial<RoundSummary> | null;
  assignments: RoundAssignment[];
  unserved: RoundUnserved[];
}
