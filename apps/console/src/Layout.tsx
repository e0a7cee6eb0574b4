import { Button, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout, TitlePortal, useGetIdentity, useLogout } from 'react-admin';

function SignOut() {
  const logout = useLogout();
  const { data: identity } = useGetIdentity();
  return (
    <>
      {identity && (
        <Typography variant="body2" sx={{ mr: 2 }} aria-label="Signed in as">
          Key: <strong>{identity.fullName}</strong>
        </Typography>
      )}
      <Button color="inherit" variant="outlined" onClick={() => void logout()}>
        Sign out
      </Button>
    </>
  );
}

function ConsoleAppBar() {
  return (
    <AppBar userMenu={false} toolbar={<SignOut />}>
      <TitlePortal />
    </AppBar>
  );
}

export function ConsoleLayout({ children }: { children: ReactNode }) {
  return <Layout appBar={ConsoleAppBar}>{children}</Layout>;
}
