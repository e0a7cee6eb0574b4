// Every icon is an SvgIcon, as in @mui/icons-material.
export { default } from '@mui/material/SvgIcon';
