import { Alert } from '@mantine/core';
import type { FormErrors, UseFormReturnType } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../api/client.js';

/**
 * A Mantine form validator over a shared zod contract: the same rules the server
 * applies, checked as the person types. `extra` adds rules the contract cannot express
 * (a confirmation field, a friendlier message for an empty field).
 */
export function zodResolver<Values>(schema: z.ZodType, extra?: (values: Values) => FormErrors) {
  return (values: Values): FormErrors => {
    const errors: FormErrors = {};
    const result = schema.safeParse(values);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        if (!(path in errors)) errors[path] = issue.message;
      }
    }
    if (extra) {
      for (const [path, message] of Object.entries(extra(values))) {
        if (message) errors[path] = message;
      }
    }
    return errors;
  };
}

/**
 * Puts a failed request's field errors next to the matching form fields and returns
 * what is left to say above the form (null when every problem sits on its field).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form shape
export function applyServerErrors(form: UseFormReturnType<any, any>, error: unknown, fallback: string): string | null {
  if (!isApiError(error)) return fallback;
  const known = new Set(Object.keys(form.getValues() as Record<string, unknown>));
  const placed: FormErrors = {};
  const unplaced: string[] = [];
  for (const field of error.fields) {
    if (known.has(field.path)) {
      if (!(field.path in placed)) placed[field.path] = field.message;
    } else {
      unplaced.push(field.message);
    }
  }
  if (Object.keys(placed).length > 0) {
    form.setErrors(placed);
    const first = Object.keys(placed)[0];
    if (first) form.getInputNode(first)?.focus();
  }
  if (unplaced.length > 0) return [error.message, ...unplaced].join(' ');
  if (Object.keys(placed).length > 0 && error.code === 'VALIDATION_FAILED') return null;
  return error.message;
}

/** The message above a form when a request failed for a reason that is not one field's. */
export function FormErrorAlert({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" title={t('errors.formTitle')} icon={<IconAlertCircle aria-hidden="true" />}>
      {message}
    </Alert>
  );
}
