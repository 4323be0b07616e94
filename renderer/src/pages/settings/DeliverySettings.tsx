import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, NumberInput, PasswordInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SMTP_SECURITY, type DeliverySettingsView, type SmtpSecurity } from '../../../../shared/domain';
import { useSession } from '../../api/session';
import { useLocale } from '../../i18n/locale';
import { errorText } from '../../components/errors';
import { deliverySettingsQuery } from '../outbox/outbox-queries';
import { DeliveryStatusAlerts } from '../outbox/DeliveryNotice';
import { DELIVERY_FIELDS, formFrom, saveArgsFrom, type DeliveryForm } from './delivery-form';
import { DeliveryTest } from './DeliveryTest';
import { useRequiredFields } from '../../components/required-fields';

/** Administrators: the mail relay and the SMS gateway the outbox leaves through, and how often it tries. */
export function DeliverySettings() {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const view = useQuery(deliverySettingsQuery(client));
  return (
    <Card withBorder component="section" aria-labelledby="delivery-settings-title">
      <Stack>
        <Title order={3} size="h4" id="delivery-settings-title">
          {t('deliverySettings')}
        </Title>
        <Text size="sm">{t('deliverySettingsHelp')}</Text>
        {view.isPending && <Loader role="status" aria-label={t('loading')} />}
        {view.isError && <Alert color="red">{errorText(view.error, lang)}</Alert>}
        {view.data && <DeliveryFormCard view={view.data} />}
      </Stack>
    </Card>
  );
}

export function DeliveryFormCard({ view }: { view: DeliverySettingsView }) {
  const { client } = useSession();
  const { t, lang } = useLocale();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<DeliveryForm>(() => formFrom(view));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (f: DeliveryForm) => client.call('delivery.saveSettings', saveArgsFrom(f)),
    onSuccess: (data) => {
      queryClient.setQueryData(deliverySettingsQuery(client).queryKey, data);
      // The form starts again from what the desk now holds: secrets "set", their fields empty.
      setForm(formFrom(data));
      setSaved(true);
    },
  });
  const set = <K extends keyof DeliveryForm>(key: K, value: DeliveryForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
    save.reset();
  };
  const secretHint = (isSet: boolean) => (isSet ? `${t('secretSet')} · ${t('secretKeepHint')}` : t('secretNotSet'));
  const required = useRequiredFields();
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const needed = [...(form.emailOn ? [form.host, form.port, form.from] : []), ...(form.smsOn ? [form.url, form.sender] : []), form.maxAttempts];
    if (!required.check(needed, e.currentTarget)) return;
    save.mutate(form);
  };
  return (
    <Stack>
      <DeliveryStatusAlerts view={view} />
      <form noValidate onSubmit={submit} aria-labelledby="delivery-settings-title">
        <Stack gap="sm">
          <Title order={4} size="h5">
            {t('smtpRelay')}
          </Title>
          <Switch label={t('smtpEnabled')} checked={form.emailOn} onChange={(e) => set('emailOn', e.currentTarget.checked)} />
          {form.emailOn && (
            <>
              <Group grow align="start">
                <TextInput
                  label={t('smtpHost')}
                  dir="ltr"
                  value={form.host}
                  onChange={(e) => set('host', e.currentTarget.value)}
                  placeholder="smtp.example.sa"
                  autoComplete="off"
                  spellCheck={false}
                  required
                  error={required.errorFor(form.host)}
                />
                <NumberInput
                  label={t('smtpPort')}
                  dir="ltr"
                  value={form.port}
                  onChange={(v) => set('port', v)}
                  min={1}
                  max={65535}
                  allowDecimal={false}
                  allowNegative={false}
                  required
                  error={required.errorFor(form.port)}
                />
                <Select
                  label={t('smtpSecurity')}
                  value={form.security}
                  onChange={(v) => v && set('security', v as SmtpSecurity)}
                  data={SMTP_SECURITY.map((s) => ({ value: s, label: t(`security_${s}`) }))}
                  allowDeselect={false}
                />
              </Group>
              <Group grow align="end">
                <TextInput
                  label={t('smtpUser')}
                  dir="ltr"
                  value={form.user}
                  onChange={(e) => set('user', e.currentTarget.value)}
                  autoComplete="off"
                  spellCheck={false}
                />
                <PasswordInput
                  label={t('smtpPassword')}
                  description={secretHint(view.email?.passwordSet ?? false)}
                  dir="ltr"
                  value={form.password}
                  onChange={(e) => set('password', e.currentTarget.value)}
                  autoComplete="new-password"
                />
              </Group>
              <TextInput
                label={t('smtpFrom')}
                type="email"
                dir="ltr"
                value={form.from}
                onChange={(e) => set('from', e.currentTarget.value)}
                placeholder="no-reply@scfhs.org.sa"
                autoComplete="off"
                spellCheck={false}
                required
                error={required.errorFor(form.from)}
              />
            </>
          )}
          <Title order={4} size="h5" mt="sm">
            {t('smsGateway')}
          </Title>
          <Switch label={t('smsEnabled')} checked={form.smsOn} onChange={(e) => set('smsOn', e.currentTarget.checked)} />
          {form.smsOn && (
            <>
              <TextInput
                label={t('smsUrl')}
                dir="ltr"
                value={form.url}
                onChange={(e) => set('url', e.currentTarget.value)}
                placeholder="https://sms.example.sa/send"
                autoComplete="off"
                spellCheck={false}
                required
                error={required.errorFor(form.url)}
              />
              <Group grow align="end">
                <PasswordInput
                  label={t('smsKey')}
                  description={secretHint(view.sms?.keySet ?? false)}
                  dir="ltr"
                  value={form.key}
                  onChange={(e) => set('key', e.currentTarget.value)}
                  autoComplete="new-password"
                />
                <TextInput
                  label={t('smsSender')}
                  dir="ltr"
                  value={form.sender}
                  onChange={(e) => set('sender', e.currentTarget.value)}
                  maxLength={32}
                  autoComplete="off"
                  required
                  error={required.errorFor(form.sender)}
                />
              </Group>
            </>
          )}
          <NumberInput
            label={t('maxAttempts')}
            description={t('maxAttemptsHint')}
            value={form.maxAttempts}
            onChange={(v) => set('maxAttempts', v)}
            min={1}
            max={20}
            allowDecimal={false}
            allowNegative={false}
            maw={520}
            required
            error={required.errorFor(form.maxAttempts)}
          />
          <Text size="sm" c="dimmed">
            {t('secretWhere')}
          </Text>
          {save.isError && (
            <Alert color="red" role="alert">
              {errorText(save.error, lang, DELIVERY_FIELDS)}
            </Alert>
          )}
          {saved && (
            <Alert color="teal" role="status">
              {t('deliverySaved')}
            </Alert>
          )}
          {!view.canSave && (
            <Text size="sm" c="dimmed">
              {t('cannotSaveDelivery')}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!view.canSave}>
              {t('saveDeliverySettings')}
            </Button>
          </Group>
        </Stack>
      </form>
      <DeliveryTest />
    </Stack>
  );
}
