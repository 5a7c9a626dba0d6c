import type { Person } from '../api/types';

export const schoolsOf = (me: Person | null | undefined): string[] =>
  (me?.roles ?? [])
    .filter((r) => (r.role === 'teacher' || r.role === 'school_contact') && r.scope.startsWith('school:'))
    .map((r) => r.scope.slice('school:'.length));

export const providersOf = (me: Person | null | undefined): string[] =>
  (me?.roles ?? []).filter((r) => r.role === 'provider_member').map((r) => r.scope);

export const countiesOf = (me: Person | null | undefined): string[] =>
  (me?.roles ?? []).filter((r) => r.role === 'coordinator').map((r) => r.scope);

export const isAdmin = (me: Person | null | undefined) => (me?.roles ?? []).some((r) => r.role === 'admin');
export const isTeacher = (me: Person | null | undefined) => schoolsOf(me).length > 0;
export const isProvider = (me: Person | null | undefined) => providersOf(me).length > 0;
export const isCoordinator = (me: Person | null | undefined) => countiesOf(me).length > 0 || isAdmin(me);

/** Where "Min side" leads: straight to the one dashboard of a person with one role, else the overview. */
export function homeOf(me: Person | null | undefined): string {
  const homes = [isTeacher(me) && '/min-side/laerer', isProvider(me) && '/min-side/tilbyder', isCoordinator(me) && '/min-side/koordinator'].filter(
    (h): h is string => typeof h === 'string',
  );
  return homes.length === 1 ? homes[0] : '/min-side';
}
