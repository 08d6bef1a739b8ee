import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import { RequireActiveSession, RoleGate } from './components/guards.js';
import { PublicLayout } from './components/PublicLayout.js';
import { AuditPage } from './features/admin/AuditPage.js';
import { TherapistsPage } from './features/admin/TherapistsPage.js';
import { RootRedirect } from './features/auth/RootRedirect.js';
import { SecondFactorPage } from './features/auth/SecondFactorPage.js';
import { SecuritySettingsPage } from './features/auth/SecuritySettingsPage.js';
import { SetUpTwoStepPage } from './features/auth/SetUpTwoStepPage.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { CaseloadPage } from './features/clients/CaseloadPage.js';
import { ClientPage } from './features/clients/ClientPage.js';
import { NewClientPage } from './features/clients/NewClientPage.js';
import { NotFoundPage } from './features/errors/NotFoundPage.js';
import { RouteErrorPage } from './features/errors/RouteErrorPage.js';
import { ClientHomePage } from './features/home/ClientHomePage.js';
import { GuardianHomePage } from './features/home/GuardianHomePage.js';
import { AcceptInvitationPage } from './features/invitations/AcceptInvitationPage.js';
import { AREA_ROLES } from './lib/roles.js';

function Root() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteErrorPage />,
      children: [
        { path: '/', element: <RootRedirect /> },
        {
          element: <PublicLayout />,
          children: [
            { path: '/sign-in', element: <SignInPage /> },
            { path: '/sign-in/code', element: <SecondFactorPage /> },
            { path: '/set-up-two-step', element: <SetUpTwoStepPage /> },
            { path: '/accept-invitation', element: <AcceptInvitationPage /> },
          ],
        },
        {
          element: <RequireActiveSession />,
          children: [
            { path: '/settings/security', element: <SecuritySettingsPage /> },
            {
              element: <RoleGate roles={AREA_ROLES.therapist} />,
              children: [
                { path: '/caseload', element: <CaseloadPage /> },
                { path: '/clients/new', element: <NewClientPage /> },
                { path: '/clients/:clientId', element: <ClientPage /> },
              ],
            },
            { element: <RoleGate roles={AREA_ROLES.client} />, children: [{ path: '/home', element: <ClientHomePage /> }] },
            { element: <RoleGate roles={AREA_ROLES.guardian} />, children: [{ path: '/guardian', element: <GuardianHomePage /> }] },
            {
              element: <RoleGate roles={AREA_ROLES.admin} />,
              children: [
                { path: '/admin/therapists', element: <TherapistsPage /> },
                { path: '/admin/audit', element: <AuditPage /> },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
