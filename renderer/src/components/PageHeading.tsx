import { Text, Title } from '@mantine/core';

/** A page's title, with one dimmed line under it saying what the page is for. */
export function PageHeading({ title, help }: { title: string; help: string }) {
  return (
    <>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text size="sm" c="dimmed">
        {help}
      </Text>
    </>
  );
}
