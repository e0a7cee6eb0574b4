import { Button, Stack, Typography } from '@mui/material';
import { useListContext } from 'react-admin';

/**
 * "Previous page" and "Next page" over the API's cursors: there is no total to count pages by
 * (counting every payment would be a full scan), only whether a next page exists.
 */
export function CursorPagination() {
  const { page, setPage, hasNextPage, hasPreviousPage, data, isPending } = useListContext();
  if (isPending || (page === 1 && !hasNextPage)) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ p: 1, alignItems: 'center', justifyContent: 'end' }}>
      <Typography variant="body2">
        Page {page} ({data?.length ?? 0} shown)
      </Typography>
      <Button disabled={!hasPreviousPage} onClick={() => setPage(page - 1)}>
        Previous page
      </Button>
      <Button disabled={!hasNextPage} onClick={() => setPage(page + 1)}>
        Next page
      </Button>
    </Stack>
  );
}
