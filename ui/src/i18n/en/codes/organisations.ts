import type { organisations as source } from '../../nb/codes/organisations';

// English: the texts of the `organisations.*` problem codes (api/openapi.yaml), by the part after
// "organisations."; {{name}} is a value of the problem's `params`.

export const organisations: Record<keyof typeof source, string> = {
  kind_invalid: 'Choose what kind of provider this is.',
  name_invalid: 'The name needs 1 to {{max}} characters.',
  orgnr_required: 'Enter the organisation number. Only volunteers may leave it empty.',
  orgnr_invalid: 'This is not a valid organisation number (9 digits).',
  municipality_required: 'Enter the municipality number (4 digits).',
  municipality_unknown: 'No municipality has the number {{number}}.',
  sector_invalid: 'Choose a sector from the list.',
  profile_too_long: 'The profile can have at most {{max}} characters.',
  recruits_for_invalid: 'Choose among jobs, apprenticeships, summer jobs and studies.',
  website_invalid: 'The website must be an address beginning with https://.',
  contact_email_invalid: 'Enter a valid email address, such as name@company.no.',
  contact_phone_invalid: 'A phone number has 8 to 15 digits, optionally with + and the country code first.',
  field_required: 'Say what you work with or study.',
  affiliation_required: 'Say where you work or study.',
  reason_required: 'Give a reason, so that the one who asked knows why.',
  not_found: 'We cannot find this organisation.',
  school_not_found: 'We cannot find this school.',
  already_registered: 'The organisation is registered already. Ask one of its members to add you.',
  members_only: 'Only the organisation’s members can change its profile.',
  deciders_only: 'Only a coordinator of the county or an administrator can approve this provider.',
  already_decided: 'This provider has been decided on already.',
  people_hidden: 'Only the people who belong here can see who they are.',
  managers_only: 'Only those who manage the people here can do this.',
  role_invalid: 'That role does not exist here. Choose one of these: {{allowed}}.',
  already_member: '{{email}} has this role here already.',
  member_not_found: 'This person does not have this role here.',
  last_member: 'A provider keeps at least one member. Add another one first.',
  already_joined: 'You have this role here already.',
  already_asked: 'You have asked already. Wait for an answer.',
  join_request_not_found: 'We cannot find this request to join.',
  join_request_decided: 'This request has been answered already.',
};
