import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateClientRequestSchema } from '../../../shared/contracts/clients.js';
import { todayIso } from '../../../shared/domain/age-group.js';
import { applyServerErrors, FormErrorAlert, zodResolver } from '../../components/form-errors.js';

export interface ClientFormValues {
  name: string;
  preferredName: string;
  dateOfBirth: string;
  email: string;
}

export const EMPTY_CLIENT: ClientFormValues = { name: '', preferredName: '', dateOfBirth: '', email: '' };

interface ClientFormProps {
  initialValues: ClientFormValues;
  submitLabel: string;
  submitting: boolean;
  /** Sends the values; rejects with the ApiError when the server refuses them. */
  onSubmit: (values: ClientFormValues) => Promise<unknown>;
  secondaryAction?: ReactNode;
}

/** Name, preferred name, date of birth and email, checked with the same contract the server uses. */
export function ClientForm({ initialValues, submitLabel, submitting, onSubmit, secondaryAction }: ClientFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ClientFormValues>({
    initialValues,
    validate: zodResolver<ClientFormValues>(CreateClientRequestSchema, (values) => ({
      dateOfBirth: values.dateOfBirth === '' ? t('clients.form.dateOfBirthRequired') : null,
    })),
  });

  const handleSubmit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFormError(applyServerErrors(form, error, t('errors.unexpected')));
    }
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md" maw={520}>
        <FormErrorAlert message={formError} />
        <TextInput label={t('clients.form.name')} autoComplete="off" required {...form.getInputProps('name')} />
        <TextInput
          label={t('clients.form.preferredName')}
          description={t('clients.form.preferredNameHint')}
          autoComplete="off"
          {...form.getInputProps('preferredName')}
        />
        <TextInput
          label={t('clients.form.dateOfBirth')}
          type="date"
          max={todayIso()}
          required
          autoComplete="off"
          {...form.getInputProps('dateOfBirth')}
        />
        <TextInput
          label={t('clients.form.email')}
          description={t('clients.form.emailHint')}
          type="email"
          inputMode="email"
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <Group gap="sm">
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
          {secondaryAction}
        </Group>
      </Stack>
    </form>
  );
}
