import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API, ApiError, apiGet, apiSend, setCsrfToken, type Query } from './client';
import type {
  AreaProfile,
  BookingRequest,
  BookingRequestList,
  CountyPage,
  GapList,
  ImpactReport,
  IndicatorDetail,
  IndicatorList,
  InstitutionPage,
  JsonStat,
  JoinRequestList,
  LoginInput,
  Municipality,
  MunicipalityPage,
  NotificationPreferences,
  Offer,
  OfferPage,
  OpenRequest,
  OpenRequestPage,
  Organisation,
  OrganisationList,
  Person,
  ProgressList,
  Round,
  RoundList,
  School,
  SchoolPage,
  SlotList,
  TargetList,
} from './types';

const HOUR = 60 * 60 * 1000;

/** The signed-in person, or null. Keeps the CSRF token for changes. */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        const me = await apiGet<Person>(`${API}/me`);
        setCsrfToken(me.csrf_token);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => apiSend<Person>('POST', `${API}/auth/login`, body),
    onSuccess: (me) => {
      setCsrfToken(me.csrf_token);
      qc.setQueryData(['me'], me);
      void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<void>('POST', `${API}/auth/logout`),
    onSettled: () => {
      setCsrfToken(null);
      qc.setQueryData(['me'], null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  });
}

export const useCounties = () =>
  useQuery({
    queryKey: ['counties'],
    queryFn: () => apiGet<CountyPage>(`${API}/counties`, { limit: 100 }),
    staleTime: HOUR,
  });

export const useMunicipalities = () =>
  useQuery({
    queryKey: ['municipalities'],
    queryFn: () => apiGet<MunicipalityPage>(`${API}/municipalities`, { limit: 1000 }),
    staleTime: HOUR,
  });

export const useMunicipality = (number: string | undefined) =>
  useQuery({
    queryKey: ['municipality', number],
    queryFn: () => apiGet<Municipality>(`${API}/municipalities/${number}`),
    enabled: !!number,
    staleTime: HOUR,
  });

export const useSchools = (query: Query, enabled = true) =>
  useQuery({
    queryKey: ['schools', query],
    queryFn: () => apiGet<SchoolPage>(`${API}/schools`, query),
    enabled,
    staleTime: HOUR,
  });

export const useSchool = (orgnr: string | undefined) =>
  useQuery({
    queryKey: ['school', orgnr],
    queryFn: () => apiGet<School>(`${API}/schools/${orgnr}`),
    enabled: !!orgnr,
    staleTime: HOUR,
  });

export const useInstitutions = () =>
  useQuery({
    queryKey: ['institutions'],
    queryFn: () => apiGet<InstitutionPage>(`${API}/institutions`, { limit: 100 }),
    staleTime: HOUR,
  });

export const useIndicators = () =>
  useQuery({
    queryKey: ['indicators'],
    queryFn: () => apiGet<IndicatorList>(`${API}/indicators`),
    staleTime: 5 * 60_000,
  });

export const useIndicator = (id: string | undefined) =>
  useQuery({
    queryKey: ['indicator', id],
    queryFn: () => apiGet<IndicatorDetail>(`${API}/indicators/${id}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });

/** Every target of an indicator, ended ones too (not cached by the server). */
export const useTargets = (id: string | undefined) =>
  useQuery({
    queryKey: ['targets', id],
    queryFn: () => apiGet<TargetList>(`${API}/indicators/${id}/targets`),
    enabled: !!id,
  });

/** Each area of a level with the target that applies to it and how it is doing. */
export const useProgress = (id: string | undefined, level: 'county' | 'municipality', enabled = true) =>
  useQuery({
    queryKey: ['progress', id, level],
    queryFn: () => apiGet<ProgressList>(`${API}/indicators/${id}/progress`, { level }),
    enabled: !!id && enabled,
  });

export const useIndicatorData = (id: string | undefined, query: Query, enabled = true) =>
  useQuery({
    queryKey: ['indicator-data', id, query],
    queryFn: () => apiGet<JsonStat>(`${API}/indicators/${id}/data`, query),
    enabled: !!id && enabled,
    staleTime: 5 * 60_000,
  });

export const useProfile = (code: string | undefined) =>
  useQuery({
    queryKey: ['profile', code],
    queryFn: () => apiGet<AreaProfile>(`${API}/areas/${code}/profile`),
    enabled: !!code,
    staleTime: 5 * 60_000,
  });

export const useOffers = (query: Query, enabled = true) =>
  useQuery({
    queryKey: ['offers', query],
    queryFn: () => apiGet<OfferPage>(`${API}/offers`, query),
    enabled,
  });

export const useOffer = (id: string | undefined) =>
  useQuery({
    queryKey: ['offer', id],
    queryFn: () => apiGet<Offer>(`${API}/offers/${id}`),
    enabled: !!id,
  });

export const useSlots = (id: string | undefined) =>
  useQuery({
    queryKey: ['slots', id],
    queryFn: () => apiGet<SlotList>(`${API}/offers/${id}/slots`),
    enabled: !!id,
  });

export const useRequests = (enabled = true) =>
  useQuery({
    queryKey: ['requests'],
    queryFn: () => apiGet<BookingRequestList>(`${API}/requests`),
    enabled,
  });

export const useRequest = (id: string | undefined) =>
  useQuery({
    queryKey: ['request', id],
    queryFn: () => apiGet<BookingRequest>(`${API}/requests/${id}`),
    enabled: !!id,
  });

export const useOrganisations = (query: Query, enabled = true) =>
  useQuery({
    queryKey: ['organisations', query],
    queryFn: () => apiGet<OrganisationList>(`${API}/organisations`, query),
    enabled,
  });

export const useOrganisation = (id: string | undefined) =>
  useQuery({
    queryKey: ['organisation', id],
    queryFn: () => apiGet<Organisation>(`${API}/organisations/${id}`),
    enabled: !!id,
  });

export const useImpact = (id: string | undefined) =>
  useQuery({
    queryKey: ['impact', id],
    queryFn: () => apiGet<ImpactReport>(`${API}/organisations/${id}/impact`),
    enabled: !!id,
  });

/** Open requests; 404 while a server has no such route ("not there yet"). */
export const useOpenRequests = (query: Query = {}, enabled = true) =>
  useQuery({
    queryKey: ['open-requests', query],
    queryFn: () => apiGet<OpenRequestPage>(`${API}/open-requests`, { limit: 100, ...query }),
    enabled,
    retry: false,
  });

export const useOpenRequest = (id: string | undefined) =>
  useQuery({
    queryKey: ['open-request', id],
    queryFn: () => apiGet<OpenRequest>(`${API}/open-requests/${id}`),
    enabled: !!id,
    retry: false,
  });

export const useNotificationSettings = () =>
  useQuery({
    queryKey: ['notifications'],
    queryFn: () => apiGet<NotificationPreferences>(`${API}/me/notifications`),
    retry: false,
  });

/** Published offers of one provider (the list filtered; drafts are not listed by the API). */
export const useProviderOffers = (orgId: string | undefined) =>
  useQuery({
    queryKey: ['offers', 'provider', orgId],
    // With `organisation`, its members also get its drafts and archived offers.
    queryFn: async () => (await apiGet<OfferPage>(`${API}/offers`, { organisation: orgId, limit: 1000 })).items,
    enabled: !!orgId,
  });

/** Where supply is missing, per municipality or county, for a year (public). */
export const useGaps = (level: 'municipality' | 'county', period?: string) =>
  useQuery({
    queryKey: ['gaps', level, period],
    queryFn: () => apiGet<GapList>(`${API}/gaps`, { level, period }),
    staleTime: 5 * 60_000,
  });

/** Matching rounds the signed-in coordinator may see (without their assignments). */
export const useRounds = () =>
  useQuery({
    queryKey: ['rounds'],
    queryFn: () => apiGet<RoundList>(`${API}/rounds`),
  });

export const useRound = (id: string | undefined) =>
  useQuery({
    queryKey: ['round', id],
    queryFn: () => apiGet<Round>(`${API}/rounds/${id}`),
    enabled: !!id,
  });

/** A change that refreshes the given query keys when it succeeds. */
export function useChange<TBody, TResult = unknown>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string | ((body: TBody) => string),
  invalidate: string[][],
) {
  const qc = useQueryClient();
  return useMutation<TResult, ApiError, TBody>({
    mutationFn: (body: TBody) => {
      const p = typeof path === 'function' ? path(body) : path;
      return apiSend<TResult>(method, p, body);
    },
    // Returned, the refetches finish before the mutation counts as done: what the page says
    // ("published") and what it shows (the status tag) change together, on any database's speed.
    onSuccess: () => Promise.all(invalidate.map((key) => qc.invalidateQueries({ queryKey: key }))),
  });
}

/** The caller's own requests to join a school or provider, newest first. */
export const useMyJoinRequests = (enabled = true) =>
  useQuery({
    queryKey: ['join-requests', 'mine'],
    queryFn: () => apiGet<JoinRequestList>(`${API}/me/join-requests`),
    enabled,
  });

/** The pending requests to join that the caller may decide (their schools', providers', counties'). */
export const useJoinRequestsToDecide = (enabled = true) =>
  useQuery({
    queryKey: ['join-requests', 'to-decide'],
    queryFn: () => apiGet<JoinRequestList>(`${API}/join-requests`),
    enabled,
  });
