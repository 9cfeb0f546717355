/*
 * Password policy: at least PASSWORD_MIN characters, at most PASSWORD_MAX
 * bytes, not one of the passwords attackers try first (the most common
 * ones of public breach lists, the short ones included: they come back
 * padded, "password12"), not the e-mail address.  Compared without case.
 */

#include <string.h>
#include <strings.h>

#include "core.h"
#include "password.h"

static const char *const	common[] = {
	"123456", "password", "12345678", "qwerty", "123456789", "12345",
	"1234", "111111", "1234567", "dragon", "123123", "baseball",
	"abc123", "football", "monkey", "letmein", "shadow", "master",
	"666666", "qwertyuiop", "123321", "mustang", "1234567890",
	"michael", "654321", "superman", "1qaz2wsx", "7777777", "121212",
	"000000", "qazwsx", "123qwe", "killer", "trustno1", "jordan",
	"jennifer", "zxcvbnm", "asdfgh", "hunter", "buster", "soccer",
	"harley", "batman", "andrew", "tigger", "sunshine", "iloveyou",
	"charlie", "robert", "thomas", "hockey", "ranger", "daniel",
	"starwars", "112233", "george", "computer", "michelle", "jessica",
	"pepper", "zxcvbn", "555555", "11111111", "131313", "freedom",
	"777777", "maggie", "159753", "aaaaaa", "ginger", "princess",
	"joshua", "cheese", "amanda", "summer", "ashley", "nicole",
	"chelsea", "matthew", "access", "yankees", "987654321", "dallas",
	"austin", "thunder", "taylor", "matrix", "welcome", "admin",
	"passw0rd", "password1", "password12", "password123",
	"password1234", "password12345", "password!", "password2024",
	"password2025", "p@ssw0rd", "p@ssword", "passwordpassword",
	"qwerty123", "qwerty1234", "qwerty12345", "qwerty123456",
	"qwertyqwerty", "qwertyuiop1", "qwertyuiop123", "1q2w3e4r",
	"1q2w3e4r5t", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsx",
	"zaq1zaq1", "q1w2e3r4t5", "q1w2e3r4t5y6", "1234qwer",
	"12345qwert", "123456qwerty", "qwe123456", "asdfghjkl",
	"asdfghjkl1", "asdfghjkl123", "zxcvbnm123", "zxcvbnm1234",
	"0123456789", "0987654321", "1111111111", "0000000000",
	"1234512345", "1234554321", "123123123", "123123123123",
	"123456123456", "123456654321", "1122334455", "9876543210",
	"12345678910", "123456789a", "a123456789", "1234567890a",
	"123456789q", "q123456789", "abc1234567", "abcd123456",
	"abcdefghij", "abcdefg123", "aaaaaaaaaa", "iloveyou1",
	"iloveyou12", "iloveyou123", "iloveyou2", "loveyou123",
	"letmein123", "letmein1234", "welcome1", "welcome123",
	"welcome1234", "welcometo", "changeme", "changeme123",
	"administrator", "admin12345", "admin123456", "admin1234567",
	"administrator1", "football1", "football123", "baseball123",
	"superman123", "batman1234", "princess123", "princess12",
	"sunshine123", "sunshine12", "starwars123", "monkey1234",
	"dragon1234", "master1234", "shadow1234", "michael123",
	"jennifer123", "jessica123", "charlie123", "computer123",
	"internet", "internet123", "whatever", "whatever123",
	"trustno1234", "fashion", "fashion123", "fashionjobs",
	"fashionjobs1", "fashionjobs123", "recruiter", "recruiter123",
	"passworddd", "mypassword", "mypassword1", "mypassword123",
	"secretpassword", "supersecret", "verysecret", "secret123",
	"secret12345", "password00", "password01", "password11",
	"password99", "qwertzuiop", "azertyuiop", "azerty123",
	"azerty1234", "motdepasse", "motdepasse1", "passwort",
	"passwort123", "contrasena", "contrasena1", "contrasenya",
	"benvenuto", "benvenuto1", "ciao123456", "juventus",
	"juventus1897", "forzainter", "forzamilan", "napoli1926",
	"gucci12345", "chanel1234", "pradamilano", "louisvuitton",
};

const char *
password_problem(const char *password, const char *email)
{
	const unsigned char	*p;
	size_t			 i, chars, len;

	len = strlen(password);
	if (len > PASSWORD_MAX)
		return ("A password is limited to 256 bytes.");
	chars = 0;
	for (p = (const unsigned char *)password; *p != '\0'; p++)
		if ((*p & 0xc0) != 0x80)
			chars++;
	if (chars < PASSWORD_MIN)
		return ("Choose a password of at least 10 characters.");
	for (i = 0; i < sizeof(common) / sizeof(common[0]); i++)
		if (strcasecmp(password, common[i]) == 0)
			return ("This password is one of the most common ones "
			    "and is tried first by attackers: choose another.");
	if (email != NULL && strcasecmp(password, email) == 0)
		return ("Your password cannot be your e-mail address.");
	return (NULL);
}
