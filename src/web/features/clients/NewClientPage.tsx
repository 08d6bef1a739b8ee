import { Button, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../components/Page.js';
import { useCreateClient } from './api.js';
import { ClientForm, EMPTY_CLIENT } from './ClientForm.js';

/** /clients/new */
export function NewClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateClient();

  return (
    <Page title={t('clients.new.title')} description={t('clients.new.intro')}>
      <Paper withBorder p="lg" radius="md">
        <ClientForm
          initialValues={EMPTY_CLIENT}
          submitLabel={t('clients.new.submit')}
          submitting={create.isPending}
          onSubmit={async (values) => {
            const client = await create.mutateAsync(values);
            await navigate(`/clients/${client.id}`);
          }}
          secondaryAction={
            <Button component={Link} to="/caseload" variant="default">
              {t('common.cancel')}
            </Button>
          }
        />
      </Paper>
    </Page>
  );
}
