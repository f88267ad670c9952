namespace Workflow.Definitions.Agencies;

/// <summary>What sort of body an <see cref="Agency"/> is. Groups such as "Sở, ban, ngành thành phố" select by kind.</summary>
/// <remarks>
/// Decisions taken for the Cần Thơ directory (see <c>workflows/agencies.yaml</c>):
/// <list type="bullet">
/// <item><description><see cref="CityCommittee"/> is the city People's Committee itself (UBND thành phố) and nothing else.
/// Its office, Văn phòng UBND thành phố, is a specialised agency that plans assign tasks to, is scored in
/// the administrative-reform index with the departments and receives every "sở, ban, ngành" duty, so it is a
/// <see cref="Department"/>; so are Thanh tra thành phố and the Ban Quản lý các khu chế xuất và công nghiệp.</description></item>
/// <item><description>Central ministries (Bộ Nội vụ) and the local branches of vertically organised central bodies
/// (Công an, Cục Thuế, Bảo hiểm xã hội, Kho bạc Nhà nước thành phố) are both <see cref="CentralAgency"/>; the group
/// "các cơ quan ngành dọc" lists the branches by id rather than by kind, so that it does not pull in ministries.</description></item>
/// <item><description>Councils, offices of the People's Council, the city portal, the public-service centre and the post
/// office (a state enterprise) are <see cref="Other"/>.</description></item>
/// </list>
/// </remarks>
public enum AgencyKind
{
    /// <summary>A city department or department-level body: sở, ban, ngành thành phố (incl. Văn phòng UBND, Thanh tra thành phố).</summary>
    Department,

    /// <summary>The city People's Committee itself: Ủy ban nhân dân thành phố.</summary>
    CityCommittee,

    /// <summary>A district-level People's Committee: UBND quận or huyện.</summary>
    DistrictCommittee,

    /// <summary>A commune-level People's Committee: UBND xã, phường or thị trấn.</summary>
    CommuneCommittee,

    /// <summary>A public service unit: đơn vị sự nghiệp công lập (Đài Phát thanh và Truyền hình, Báo Cần Thơ, Viện Kinh tế - Xã hội...).</summary>
    PublicServiceUnit,

    /// <summary>A central body or a local branch of a vertically organised one: Bộ Nội vụ, Công an thành phố, Cục Thuế, Bảo hiểm xã hội, Kho bạc Nhà nước.</summary>
    CentralAgency,

    /// <summary>The Party, the Fatherland Front and mass organisations: Thành ủy, Ủy ban MTTQ, Hội Cựu chiến binh...</summary>
    PartyOrMassOrganization,

    /// <summary>Anything else: councils, the People's Council and its office, the city portal, the post office.</summary>
    Other,
}
