import { Anchor, AppShell, Box, Burger, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notify } from '../lib/notify.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../shared/contracts/common.js';
import { useSignOut } from '../api/session.js';
import { ROLE_HOME } from '../lib/roles.js';
import { SECONDARY_TEXT } from '../theme.js';
import { useActiveSession } from './session-context.js';
import { SkipLink } from './SkipLink.js';

type NavKey = 'caseload' | 'newClient' | 'home' | 'guardian' | 'therapists' | 'audit' | 'security';

const NAV: Record<Role, Array<{ to: string; key: NavKey }>> = {
  therapist: [
    { to: '/caseload', key: 'caseload' },
    { to: '/settings/security', key: 'security' },
  ],
  client: [
    { to: '/home', key: 'home' },
    { to: '/settings/security', key: 'security' },
  ],
  guardian: [
    { to: '/guardian', key: 'guardian' },
    { to: '/settings/security', key: 'security' },
  ],
  admin: [
    { to: '/admin/therapists', key: 'therapists' },
    { to: '/admin/audit', key: 'audit' },
    { to: '/settings/security', key: 'security' },
  ],
};

const MENU_ID = 'main-menu';

function isCurrent(pathname: string, to: string): boolean {
  if (to === '/caseload') return pathname === '/caseload' || pathname.startsWith('/clients/');
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** The signed-in frame: header with the app name, the role's links, the person's name and Sign out. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useActiveSession();
  const { pathname } = useLocation();
  const [menuOpen, menu] = useDisclosure(false);
  const signOut = useSignOut();
  const links = NAV[session.user.role];

  const onSignOut = () => {
    signOut.mutate(undefined, {
      onError: (error) => notify({ color: 'red', title: t('auth.signOutFailed'), message: error.message }),
    });
  };

  const renderLinks = (stacked: boolean) =>
    links.map((link) => {
      const current = isCurrent(pathname, link.to);
      return (
        <Button
          key={link.to}
          component={Link}
          to={link.to}
          variant={current ? 'light' : 'subtle'}
          aria-current={current ? 'page' : undefined}
          justify={stacked ? 'flex-start' : 'center'}
          fullWidth={stacked}
          onClick={menu.close}
        >
          {t(`nav.${link.key}`)}
        </Button>
      );
    });

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Anchor component={Link} to={ROLE_HOME[session.user.role]} fw={700} fz="xl" underline="never" c="blue.9">
              {t('app.name')}
            </Anchor>
            <Box component="nav" aria-label={t('nav.label')}>
              <Burger
                hiddenFrom="sm"
                size="sm"
                opened={menuOpen}
                onClick={menu.toggle}
                aria-label={menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={menuOpen}
                aria-controls={MENU_ID}
              />
              <Group gap={4} visibleFrom="sm" wrap="nowrap">
                {renderLinks(false)}
              </Group>
              <Paper
                id={MENU_ID}
                hidden={!menuOpen}
                hiddenFrom="sm"
                shadow="md"
                p="md"
                radius={0}
                withBorder
                pos="fixed"
                top={60}
                left={0}
                right={0}
                // Paper's own CSS sets `display: block`, which would override the `hidden` attribute.
                style={{ zIndex: 200, display: menuOpen ? undefined : 'none' }}
              >
                <Stack gap="xs">
                  <Text fw={500} c={SECONDARY_TEXT}>
                    {t('nav.signedInAs', { name: session.user.name })}
                  </Text>
                  {renderLinks(true)}
                </Stack>
              </Paper>
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Text visibleFrom="sm" fw={500} truncate="end" maw={220}>
              {session.user.name}
            </Text>
            <Button variant="default" onClick={onSignOut} loading={signOut.isPending}>
              {t('auth.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
