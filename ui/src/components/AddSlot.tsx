import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { API } from '../api/client';
import { useChange } from '../api/hooks';
import type { Offer, Slot, SlotInput } from '../api/types';
import { ErrorAlert } from './common';
import { fieldError, isFormError } from './forms';

/** A new slot (an occasion a school can book) for an offer. */
export function AddSlot({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ starts_at: '', ends_at: '', capacity: '1' });
  const add = useChange<SlotInput, Slot>('POST', `${API}/offers/${offer.id}/slots`, [['slots', offer.id], ['offers']]);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ ...form, capacity: Number(form.capacity) }, { onSuccess: () => setForm({ starts_at: '', ends_at: '', capacity: '1' }) });
      }}
    >
      {isFormError(add.error, ['starts_at', 'ends_at', 'capacity']) && <ErrorAlert error={add.error} />}
      <div className="grid-3">
        <Textfield label={t('slot.starts')} type="datetime-local" value={form.starts_at} onChange={set('starts_at')} error={fieldError(add.error, 'starts_at')} />
        <Textfield label={t('slot.ends')} type="datetime-local" value={form.ends_at} onChange={set('ends_at')} error={fieldError(add.error, 'ends_at')} />
        <Textfield label={t('slot.capacity')} type="number" min={1} max={100} value={form.capacity} onChange={set('capacity')} error={fieldError(add.error, 'capacity')} />
      </div>
      <Button type="submit" variant="secondary" loading={add.isPending}>
        {t('slot.add')}
      </Button>
      {add.isSuccess && <Paragraph role="status">{t('slot.added')}</Paragraph>}
    </form>
  );
}

