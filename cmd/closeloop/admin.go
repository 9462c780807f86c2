package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/closeloop/closeloop/domain"
)

// cliActor is who the command line acts as: whoever can run the binary against the database.
var cliActor = domain.Actor{Name: "command line", Role: domain.RoleAdmin}

func adminCreate(ctx context.Context, cfg config, log *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("admin create", flag.ContinueOnError)
	email := fs.String("email", "", "the admin's email address")
	name := fs.String("name", "", "the admin's name")
	fromStdin := fs.Bool("password-stdin", false, "read the password from standard input")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *email == "" || *name == "" || !*fromStdin {
		return errors.New("usage: closeloop admin create --email E --name N --password-stdin  (then type or pipe the password)")
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read password from stdin: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := domain.NewService(domain.NewDB(db.Gorm), nil)
	m, err := svc.CreateMember(ctx, cliActor, domain.MemberInput{Email: *email, Name: *name, Role: domain.RoleAdmin, Password: password})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created admin %s <%s> (id %s)\n", m.Name, m.Email, m.ID)
	return nil
}

func tokenCreate(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("token create", flag.ContinueOnError)
	name := fs.String("name", "", "what the token is for, e.g. 'Zendesk integration'")
	role := fs.String("role", "", "admin, editor, support or viewer")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *name == "" || *role == "" {
		return errors.New("usage: closeloop token create --name N --role admin|editor|support|viewer")
	}
	db, err := openDatabase(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	svc := domain.NewService(domain.NewDB(db.Gorm), nil)
	_, secret, err := svc.CreateToken(ctx, cliActor, *name, domain.Role(*role))
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, secret)
	return nil
}
