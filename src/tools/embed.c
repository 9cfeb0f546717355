/*
 * embed: turn asset files into a C source with one byte array per file and
 * a table the module looks assets up in.  Used instead of kodev, which
 * needs the checkout's directory to be named after the application.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char	*base(const char *);

static const char *
base(const char *path)
{
	const char	*p;

	p = strrchr(path, '/');
	return (p == NULL ? path : p + 1);
}

int
main(int argc, char **argv)
{
	FILE		*f;
	int		 c, i;
	long		 n;

	printf("#include <stddef.h>\n#include \"assets.h\"\n\n");
	for (i = 1; i < argc; i++) {
		if ((f = fopen(argv[i], "rb")) == NULL) {
			perror(argv[i]);
			return (1);
		}
		printf("static const unsigned char a%d[] = {", i);
		n = 0;
		while ((c = fgetc(f)) != EOF) {
			if (n > 0)
				printf(n % 20 ? "," : ",\n");
			printf("%d", c);
			n++;
		}
		printf("%s0 };\n", n ? "," : "");
		printf("#define a%d_len %ld\n", i, n);
		fclose(f);
	}
	printf("\nconst struct asset assets[] = {\n");
	for (i = 1; i < argc; i++)
		printf("\t{ \"%s\", a%d, a%d_len },\n", base(argv[i]), i, i);
	printf("\t{ NULL, NULL, 0 }\n};\n");
	return (0);
}
