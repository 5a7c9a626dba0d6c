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
