using Evenhand.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// What every web server of one database must share. ASP.NET Core Data Protection encrypts the sign-in cookie and antiforgery
/// tokens; by default each server makes its own keys in its home folder, so a cookie from one server means nothing to the
/// next. Here the key ring lives in the Evenhand database (table DataProtectionKeys) under one application name, so any
/// server reads what any other wrote. The keys are stored unencrypted, like the rest of the database: protect the database
/// and its backups accordingly.
/// </summary>
public static class SharedState
{
    public const string ApplicationName = "Evenhand";

    public static WebApplicationBuilder AddEvenhandSharedState(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<EvenhandDbContext>();
        return builder;
    }
}
