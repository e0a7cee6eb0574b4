import type { Scope } from '@app/client';
import { QueryClient } from '@tanstack/react-query';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import {
  Admin,
  CustomRoutes,
  Resource,
  defaultTheme,
  memoryStore,
  type RaThemeOptions,
} from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider.js';
import { dataProvider, forgetCursors } from './dataProvider.js';
import { EndpointCreate, EndpointList, EndpointShow } from './endpoints/Endpoints.js';
import { EventList } from './events/EventList.js';
import { EventShow } from './events/EventShow.js';
import { ConsoleLayout } from './Layout.js';
import { LoginPage } from './LoginPage.js';
import { PaymentList } from './payments/PaymentList.js';
import { PaymentShow } from './payments/PaymentShow.js';
import { SavedCardList } from './SavedCards.js';

const i18nProvider = polyglotI18nProvider(
  () => ({
    ...englishMessages,
    ra: {
      ...englishMessages.ra,
      auth: { ...englishMessages.ra.auth, logout: 'Sign out', sign_in: 'Sign in' },
    },
  }),
  'en',
  { allowMissing: true },
);

// A viewer who asks the system for less motion gets none: dialogs, menus and notifications appear
// at once, without fades, slides or ripples.
const reducedMotion =
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const still: RaThemeOptions = {
  transitions: {
    duration: {
      shortest: 0,
      shorter: 0,
      short: 0,
      standard: 0,
      complex: 0,
      enteringScreen: 0,
      leavingScreen: 0,
    },
  },
  components: {
    ...defaultTheme.components,
    MuiButtonBase: { defaultProps: { disableRipple: true } },
  },
};

// Darker blues than the default theme's: white on them, and them on grey, meet WCAG AA (4.5:1).
const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#1565c0' },
    secondary: { main: '#0d47a1' },
  },
  ...(reducedMotion ? still : {}),
};

// Nothing of a session outlives it: list settings in memory (not localStorage), and the
// cache of answers cleared on sign-out along with the list cursors. react-admin's useLogout
// clears the cache itself, after it has navigated to the sign-in page. Clearing it here too,
// before that navigation, reset the authentication query under the routes: unauthenticated,
// they mounted LogoutOnMount again, which signed out again, and so on (the sign-in page
// re-rendered in a loop and sometimes never took input; react-admin's useLogout.ts explains the
// race, marmelab/react-admin#10764 reports it).
const store = memoryStore();
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } },
});
const signOutHook = authProvider.logout;
authProvider.logout = async (params: unknown) => {
  forgetCursors();
  await signOutHook(params);
};

export function App() {
  return (
    <Admin
      title="Payments console"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={ConsoleLayout}
      theme={theme}
      store={store}
      queryClient={queryClient}
      disableTelemetry
      requireAuth
    >
      {(scopes: Scope[]) => [
        <Resource
          key="payments"
          name="payments"
          options={{ label: 'Payments' }}
          list={PaymentList}
          show={PaymentShow}
        />,
        scopes.includes('events:read') ? (
          <Resource
            key="events"
            name="events"
            options={{ label: 'Events' }}
            list={EventList}
            show={EventShow}
          />
        ) : null,
        scopes.includes('events:admin') ? (
          <Resource
            key="webhook-endpoints"
            name="webhook-endpoints"
            options={{ label: 'Webhook endpoints' }}
            list={EndpointList}
            create={EndpointCreate}
            show={EndpointShow}
          />
        ) : null,
        <Resource
          key="saved-cards"
          name="saved-cards"
          options={{ label: 'Saved cards' }}
          list={SavedCardList}
        />,
        <CustomRoutes key="none">
          <Route path="/none" element={null} />
        </CustomRoutes>,
      ]}
    </Admin>
  );
}
