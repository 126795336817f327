"""/api/v1/admin: users, units, categories and holidays (admins only; refusals and changes audited).

Reference changes travel to the seats through the change feed (type ``reference``; a removal is
the item with ``{"deleted": true}``); user changes too (kind ``user``: display name, role, unit,
active — never a password).
"""

from datetime import UTC, date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response, status
from sqlalchemy import select

from app.domain.roles import Role
from app.sync.protocol import ReferenceKind
from server.admin import service
from server.admin.schemas import (
    CategoryWrite,
    HolidayWrite,
    PasswordReset,
    ReferenceWritten,
    UnitWrite,
    UserAdminRead,
    UserCreate,
    UserUpdate,
)
from server.audit.routes import address_of, require_admin
from server.auth.models import User
from server.auth.schemas import Message
from server.auth.service import WeakPassword, check_new_password, create_user, refused_password
from server.deps import CurrentUser, DatabaseDep
from server.reference.models import ReferenceItem
from server.reference.service import unit_problem
from server.validation import NO_NUL_PATTERN

router = APIRouter(prefix="/admin", tags=["admin"],
                   responses={409: {"model": Message}, 401: {"model": Message}, 403: {"model": Message}})
NameParam = Annotated[str, Path(min_length=1, max_length=100, pattern=NO_NUL_PATTERN)]


def _read(user: User) -> UserAdminRead:
    return UserAdminRead(username=user.username, display_name=user.display_name, role=user.role,
                         unit=user.unit, active=user.active, created_at=user.created_at.replace(tzinfo=UTC))


@router.get("/users")
def list_users(admin: CurrentUser, request: Request, database: DatabaseDep) -> list[UserAdminRead]:
    require_admin(database, admin, request)
    with database.read_session() as session, session.begin():
        return [_read(u) for u in session.scalars(select(User).order_by(User.username))]


@router.post("/users", status_code=status.HTTP_201_CREATED, responses={409: {"model": Message}})
def add_user(body: UserCreate, admin: CurrentUser, request: Request, database: DatabaseDep) -> UserAdminRead:
    require_admin(database, admin, request)
    with database.write_session() as session, session.begin():
        if session.scalar(select(User.id).where(User.username == body.username)) is not None:
            raise HTTPException(status.HTTP_409_CONFLICT, detail=f"用户名 {body.username} 已存在，请换一个。")
        if body.role == Role.UNIT.value and (problem := unit_problem(session, body.unit)):
            raise HTTPException(status.HTTP_409_CONFLICT, detail=problem)
        try:
            user = create_user(session, username=body.username, role=Role(body.role), password=body.password,
                               unit=body.unit, display_name=body.display_name)
        except WeakPassword as weak:
            raise refused_password(str(weak)) from None
        except ValueError as error:
            raise HTTPException(status.HTTP_409_CONFLICT, detail=str(error)) from None
        service.publish_user(session, user)
        service.audit(session, admin, "新建账号", user.username, address_of(request), role=user.role, unit=user.unit)
        return _read(user)


@router.patch("/users/{username}", responses={404: {"model": Message}, 409: {"model": Message}})
def change_user(username: NameParam, body: UserUpdate, admin: CurrentUser, request: Request,
                database: DatabaseDep) -> UserAdminRead:
    """Change display name, role, unit, or disable (active=false); role/unit/active changes end
    the user's sessions."""
    require_admin(database, admin, request)
    with database.write_session() as session, session.begin():
        try:
            user = service.get_user(session, username)
            changes = service.update_user(session, user, display_name=body.display_name, role=body.role,
                                          unit=body.unit, active=body.active, admin=admin)
        except LookupError as error:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=str(error)) from None
        except service.AdminError as error:
            raise HTTPException(status.HTTP_409_CONFLICT, detail=str(error)) from None
        if changes:
            service.audit(session, admin, "修改账号", username, address_of(request), changes=changes)
        return _read(user)


@router.post("/users/{username}/password", status_code=status.HTTP_204_NO_CONTENT,
             responses={404: {"model": Message}})
def reset_password(username: NameParam, body: PasswordReset, admin: CurrentUser, request: Request,
                   database: DatabaseDep) -> Response:
    require_admin(database, admin, request)
    with database.write_session() as session, session.begin():
        try:
            user = service.get_user(session, username)
        except LookupError as error:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=str(error)) from None
        try:
            check_new_password(body.password, username=user.username, display_name=user.display_name)
        except WeakPassword as weak:
            raise refused_password(str(weak)) from None
        service.reset_password(session, user, body.password)
        service.audit(session, admin, "重置密码", username, address_of(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put("/units/{name}")
def put_unit(name: NameParam, body: UnitWrite, admin: CurrentUser, request: Request,
             database: DatabaseDep) -> ReferenceWritten:
    require_admin(database, admin, request)
    value = {"kind": body.kind, "district": body.district, "duties": list(body.duties)}
    with database.write_session() as session, session.begin():
        service.put_reference(session, ReferenceKind.UNIT, name, value)
        service.audit(session, admin, "保存承办单位", name, address_of(request))
    return ReferenceWritten(kind=ReferenceKind.UNIT.value, key=name, value=value)


@router.delete("/units/{name}", status_code=status.HTTP_204_NO_CONTENT)
def delete_unit(name: NameParam, admin: CurrentUser, request: Request, database: DatabaseDep) -> Response:
    require_admin(database, admin, request)
    with database.write_session() as session, session.begin():
        service.delete_reference(session, ReferenceKind.UNIT, name)
        service.audit(session, admin, "删除承办单位", name, address_of(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put("/categories")
def put_category(body: CategoryWrite, admin: CurrentUser, request: Request,
                 database: DatabaseDep) -> ReferenceWritten:
    """Add a category path (its parents are added too)."""
    require_admin(database, admin, request)
    path = [p.strip() for p in body.path]
    if not all(path):
        raise HTTPException(status.HTTP_409_CONFLICT, detail="分类名称不能为空。")
    with database.write_session() as session, session.begin():
        for depth in range(1, len(path) + 1):
            service.put_reference(session, ReferenceKind.CATEGORY, "/".join(path[:depth]), {"path": path[:depth]})
        service.audit(session, admin, "保存分类", "/".join(path), address_of(request))
    return ReferenceWritten(kind=ReferenceKind.CATEGORY.value, key="/".join(path), value={"path": path})


@router.delete("/categories", status_code=status.HTTP_204_NO_CONTENT)
def delete_category(admin: CurrentUser, request: Request, database: DatabaseDep,
                    path: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_NUL_PATTERN,
                                               description="一级/二级/三级")]) -> Response:
    """Remove a category and everything under it."""
    require_admin(database, admin, request)
    with database.write_session() as session, session.begin():
        keys = session.scalars(select(ReferenceItem.key).where(
            ReferenceItem.kind == ReferenceKind.CATEGORY.value,
            (ReferenceItem.key == path) | ReferenceItem.key.startswith(path + "/", autoescape=True))).all()
        if not keys:
            raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"没有分类“{path}”。")
        for key in keys:
            service.delete_reference(session, ReferenceKind.CATEGORY, key)
        service.audit(session, admin, "删除分类", path, address_of(request), removed=len(keys))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put("/holidays/{day}")
def put_holiday(day: date, body: HolidayWrite, admin: CurrentUser, request: Request,
                database: DatabaseDep) -> ReferenceWritten:
    """A day off (休) or a make-up working day (班); the deadline clock uses them."""
    require_admin(database, admin, request)
    value = {"type": body.type, "name": body.name}
    with database.write_session() as session, session.begin():
        service.put_reference(session, ReferenceKind.HOLIDAY, day.isoformat(), value)
        service.audit(session, admin, "保存节假日", day.isoformat(), address_of(request), type=body.type)
    return ReferenceWritten(kind=ReferenceKind.HOLIDAY.value, key=day.isoformat(), value=value)


@router.delete("/holidays/{day}", status_code=status.HTTP_204_NO_CONTENT)
def delete_holiday(day: date, admin: CurrentUser, request: Request, database: DatabaseDep) -> Response:
    require_admin(database, admin, request)
    with database.write_session() as session, session.begin():
        service.delete_reference(session, ReferenceKind.HOLIDAY, day.isoformat())
        service.audit(session, admin, "删除节假日", day.isoformat(), address_of(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


