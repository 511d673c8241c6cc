namespace Evenhand.SocialMedia;

/// <summary>The accounts of a dataset, looked up by account id without allocating (posts refer to accounts by id).</summary>
public sealed class SocialAccountDirectory
{
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byIdSpan;
    private readonly HashSet<string> _handles = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _handlesSpan;

    public SocialAccountDirectory(IReadOnlyList<SocialAccountRow> accounts)
    {
        Accounts = accounts;
        _byIdSpan = _byId.GetAlternateLookup<ReadOnlySpan<char>>();
        _handlesSpan = _handles.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < accounts.Count; i++)
        {
            if (!_byId.TryAdd(accounts[i].AccountId, i))
            {
                throw new ArgumentException($"The account id '{accounts[i].AccountId}' appears twice.", nameof(accounts));
            }

            _handles.Add(accounts[i].Handle.TrimStart('@'));
        }
    }

    public IReadOnlyList<SocialAccountRow> Accounts { get; }

    public int Count => Accounts.Count;

    /// <summary>The index of the account with this id in <see cref="Accounts"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> accountId) => _byIdSpan.TryGetValue(accountId, out var index) ? index : -1;

    /// <summary>True when the handle (with or without "@") belongs to one of the dataset's police accounts.</summary>
    public bool IsPoliceHandle(ReadOnlySpan<char> handle) => _handlesSpan.Contains(handle.TrimStart('@').Trim());
}
