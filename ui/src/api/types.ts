// Short names for the API's types. Nothing here is written by hand: every type is one the API
// document (api/openapi.yaml) declares, generated into ./schema.ts by `npm run gen:api`, and
// every list of values is the generated list of an enum. A change of the API is a change of the
// document; the compiler then says where the front-end must follow. Example:
//
//   import type { Offer } from '../api/types';     // components['schemas']['Offer']
//   import { FORMATS } from '../api/types';         // the values of OfferFormat, in the document's order
import type { components, paths } from './schema';

type Schemas = components['schemas'];

// Problems (application/problem+json)
export type Problem = Schemas['Problem'];
export type Fault = Schemas['Fault'];
export type ProblemCode = Schemas['ProblemCode'];
export type FaultCode = Schemas['FaultCode'];

// Places and the monitor
export type Lang = Schemas['Language'];
export type County = Schemas['County'];
export type CountyPage = Schemas['CountyPage'];
export type Municipality = Schemas['Municipality'];
export type MunicipalityPage = Schemas['MunicipalityPage'];
export type School = Schemas['School'];
export type SchoolPage = Schemas['SchoolPage'];
export type InstitutionPage = Schemas['InstitutionPage'];
export type Stage = Schemas['Stage'];
export type Indicator = Schemas['IndicatorSummary'];
export type IndicatorList = Schemas['IndicatorList'];
export type IndicatorDetail = Schemas['IndicatorDetail'];
export type AreaProfile = Schemas['AreaProfile'];
export type ProfileEntry = AreaProfile['indicators'][number];
export type JsonStat = Schemas['JsonStatDataset'];

// People and settings
export type Person = Schemas['Person'];
export type SignupInput = Schemas['SignupInput'];
export type LoginInput = Schemas['LoginInput'];
export type ResetInput = Schemas['ResetInput'];
export type ResetConfirmInput = Schemas['ResetConfirmInput'];
/** The answer of POST /api/v1/auth/reset (the same whether or not the address has an account). */
export type ResetAnswer = paths['/api/v1/auth/reset']['post']['responses'][202]['content']['application/json'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type NotificationSetting = NotificationPreferences['items'][number];
export type NotificationKind = Schemas['NotificationKind'];
export type NotificationChoices = Schemas['NotificationChoices'];

// Organisations
export type Organisation = Schemas['Organisation'];
export type OrganisationList = Schemas['OrganisationList'];
export type OrganisationInput = Schemas['OrganisationInput'];
export type OrganisationRejectInput = Schemas['OrganisationRejectInput'];
export type OrgKind = Schemas['OrganisationKind'];
export type ImpactReport = Schemas['ImpactReport'];
export type ImpactYear = Schemas['ImpactYear'];

// Catalogue and booking
export type Offer = Schemas['Offer'];
export type OfferFile = Schemas['OfferFile'];
export type OfferPatch = Schemas['OfferPatch'];
export type OfferPage = Schemas['OfferPage'];
export type OfferInput = Schemas['OfferInput'];
export type OfferFormat = Schemas['OfferFormat'];
export type Subject = Schemas['OfferSubject'];
export type Slot = Schemas['Slot'];
export type SlotList = Schemas['SlotList'];
export type SlotInput = Schemas['SlotInput'];
export type CalendarFeedAddress = Schemas['CalendarFeedAddress'];
export type BookingRequest = Schemas['BookingRequest'];
export type BookingRequestList = Schemas['BookingRequestList'];
export type BookingRequestInput = Schemas['BookingRequestInput'];
export type BookingAcceptInput = Schemas['BookingAcceptInput'];
export type BookingProposeInput = Schemas['BookingProposeInput'];
export type BookingReasonInput = Schemas['BookingReasonInput'];
export type BookingFeedbackInput = Schemas['BookingFeedbackInput'];
export type BookingMessageInput = Schemas['BookingMessageInput'];
export type RequestState = Schemas['BookingState'];
export type Move = Schemas['BookingMove'];
/** The body of a move (POST /api/v1/requests/{id}/{move}), as that operation declares it. */
export type MoveInput<M extends Move> = NonNullable<paths[`/api/v1/requests/{id}/${M}`]['post']['requestBody']>['content']['application/json'];

// Open requests
export type OpenRequest = Schemas['OpenRequest'];
export type OpenRequestPage = Schemas['OpenRequestPage'];
export type OpenRequestInput = Schemas['OpenRequestInput'];
export type OpenRequestAnswer = Schemas['OpenRequestAnswer'];
export type OpenRequestAnswerInput = Schemas['OpenRequestAnswerInput'];
export type OpenRequestTakeInput = Schemas['OpenRequestTakeInput'];
export type OpenRequestState = Schemas['OpenRequestState'];

// Matching: gaps and rounds
export type Gap = Schemas['Gap'];
export type GapList = Schemas['GapList'];
export type Round = Schemas['Round'];
export type RoundList = Schemas['RoundList'];
export type RoundInput = Schemas['RoundInput'];
export type RoundState = Round['state'];
export type RoundTotals = Schemas['RoundTotals'];
export type RoundAssignment = Schemas['RoundAssignment'];
export type RoundUnserved = Schemas['RoundUnserved'];

// The values of enums, generated from the document in its order.
export {
  languageValues as LANGUAGES,
  offerFormatValues as FORMATS,
  offerSubjectValues as SUBJECTS,
  stageValues as STAGES,
  problemCodeValues as PROBLEM_CODES,
  faultCodeValues as FAULT_CODES,
} from './schema';
export type JoinRequest = Schemas['JoinRequest'];
export type JoinRequestList = Schemas['JoinRequestList'];

// Targets (monitor)
export type Target = Schemas['Target'];
export type TargetList = Schemas['TargetList'];
export type TargetInput = Schemas['TargetInput'];
export type TargetChange = Schemas['TargetChange'];
export type TargetRetire = Schemas['TargetRetire'];
export type ProgressList = Schemas['ProgressList'];
export type ProgressState = Schemas['Progress']['state'];
