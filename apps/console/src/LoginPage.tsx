import { Alert, Box, Button, Card, CardContent, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLogin } from 'react-admin';

/** "API key" and "Sign in": the key is checked with GET /v1/me, then kept for this tab only. */
export function LoginPage() {
  const login = useLogin();
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    login({ apiKey })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => setBusy(false));
  };

  return (
    <Box component="main" sx={{ display: 'flex', justifyContent: 'center', mt: 10 }}>
      <Card sx={{ width: 420 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            Payments console
          </Typography>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Sign in with one of the service&apos;s API keys. It is kept in this tab only and
            forgotten when you sign out or close the tab.
          </Typography>
          <form onSubmit={submit} noValidate>
            <TextField
              id="api-key"
              label="API key"
              type="password"
              autoComplete="off"
              fullWidth
              required
              value={apiKey}
              onChange={(e) => setApiKey(e.target.value)}
              sx={{ mb: 2 }}
            />
            {error && (
              <Alert severity="error" role="alert" sx={{ mb: 2 }}>
                {error}
              </Alert>
            )}
            <Button type="submit" variant="contained" disabled={busy || apiKey.trim() === ''}>
              Sign in
            </Button>
          </form>
        </CardContent>
      </Card>
    </Box>
  );
}
